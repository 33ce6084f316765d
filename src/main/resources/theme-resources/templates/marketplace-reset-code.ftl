<#-- «Введите код из письма»: step 2 of the marketplace reset. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: marketplace-reset-code.ftl -->
    <#if section = "header">
        ${msg("marketplaceResetCodeTitle")}
    <#elseif section = "form">
        <form id="mp-reset-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <p id="mp-code-sent-to">${msg("marketplaceResetCodeSentTo", resetAddress)}</p>
            <div class="${properties.kcFormGroupClass!}">
                <label for="code" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceResetCodeLabel")}</label>
                <span class="${properties.kcInputClass!}">
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                           pattern="[0-9 ]*" maxlength="${codeLength + 4}" required autofocus value=""
                           aria-describedby="mp-code-lifetime<#if attemptsRemaining??> mp-attempts</#if><#if messagesPerField.existsError('code')> input-error-code</#if>"
                           <#if messagesPerField.existsError('code')>aria-invalid="true"</#if>/>
                </span>
                <#if messagesPerField.existsError('code')>
                    <div id="input-error-code" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="assertive">${messagesPerField.get('code')}</div>
                </#if>
                <p id="mp-code-lifetime" class="${properties.kcLoginMainFooterHelperText!}">${msg("marketplaceResetCodeLifetime", codeLifetime)}</p>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button id="mp-verify" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="step" value="verify-code">${msg("marketplaceResetVerify")}</button>
            </div>
        </form>
        <form id="mp-reset-resend-form" action="${url.loginAction}" method="post">
            <button id="mp-resend" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    type="submit" name="step" value="resend-code" data-resend-in="${resendInSeconds?c}">${msg("marketplaceResetResend")}</button>
            <#if (resendInSeconds > 0)>
                <p id="mp-resend-hint" class="${properties.kcLoginMainFooterHelperText!}">${msg("marketplaceResetResendHint", resendInSeconds?c)}</p>
            </#if>
        </form>
        <form id="mp-reset-change-form" action="${url.loginAction}" method="post">
            <button id="mp-change-address" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    type="submit" name="step" value="change-address">${msg("marketplaceResetChangeAddress")}</button>
        </form>
    <#elseif section = "info">
        <p id="mp-mail-help">${msg("marketplaceResetMailHelp")}</p>
        <p id="mp-support">${msg("marketplaceResetNoMailbox")}
            <a id="mp-support-link" href="mailto:${supportEmail}">${supportEmail}</a></p>
    </#if>
</@layout.registrationLayout>
