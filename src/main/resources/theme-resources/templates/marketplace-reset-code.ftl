<#-- «Введите код из письма»: step 2 of the marketplace reset. Works with any login theme that has template.ftl:
     every action is a plain form post; marketplace-reset.js only adds the resend countdown and the expiry notice. -->
<#import "template.ftl" as layout>
<#import "marketplace-plural.ftl" as plural>
<#import "marketplace-code-parts.ftl" as parts>
<#assign codeError = messagesPerField.existsError('code')>
<#-- false once only a new code helps (no attempts left, or expired): the screen then leads to «Получить новый код» -->
<#assign usable = codeUsable!true>
<@layout.registrationLayout displayInfo=true displayMessage=!codeError; section>
<!-- template: marketplace-reset-code.ftl -->
    <#if section = "header">
        <#if usable>${msg("marketplaceResetCodeTitle")}<#else>${msg("marketplaceResetNewCodeTitle")}</#if>
    <#elseif section = "form">
        <#-- where the code went, in one sentence on every render (first, after a wrong code, after a resend) -->
        <p id="mp-code-sent-to" class="mp-lead">${msg("marketplaceResetCodeSentTo", resetAddress)}</p>
        <@parts.mailLookup subjectKey="marketplaceResetCodeMailSubject"/>
        <#-- data-mp-expires-in: the code's remaining life by the server's clock, so the page can say when it has run out -->
        <#-- onsubmit: one click posts once, as Keycloak's own login form does (a disabled button is not sent, so the
             step travels in a hidden field); marketplace-reset.js enables the button again when the page is restored
             from the back-forward cache -->
        <form id="mp-reset-code-form" class="${properties.kcFormClass!} mp-code-form" action="${url.loginAction}" method="post" novalidate
              onsubmit="var b = document.getElementById('mp-verify'); if (b) { if (b.disabled) { return false; } b.disabled = true; } return true;"
              <#if usable && codeExpiresInSeconds??>data-mp-expires-in="${codeExpiresInSeconds?c}" data-mp-expired-note="mp-code-expired"</#if>>
            <input type="hidden" name="step" value="verify-code"/>
            <div class="${properties.kcFormGroupClass!}">
                <label for="code" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceResetCodeLabel")}</label>
                <span class="${properties.kcInputClass!}<#if codeError> ${properties.kcError!}</#if>">
                    <#-- a pasted code may carry spaces or a dash («123 456»): the server strips them, so the field leaves room -->
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                           pattern="[0-9\s\-]*" maxlength="${(codeLength * 2)?c}" required value="" spellcheck="false" class="mp-code-input"
                           <#if usable>autofocus<#else>disabled</#if>
                           aria-describedby="<#if codeError>input-error-code </#if><#if usable>mp-code-expired mp-code-lifetime</#if>"
                           <#if codeError>aria-invalid="true"</#if>/>
                </span>
                <#if codeError>
                    <#-- after a wrong code this says how many attempts are left («Осталось 2 попытки») -->
                    <div id="input-error-code" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="assertive">${messagesPerField.get('code')}</div>
                </#if>
                <#if usable>
                    <p id="mp-code-expired" class="${properties.kcInputErrorMessageClass!} mp-field-error" role="alert" data-text="${msg("marketplaceResetCodeExpired")}"></p>
                    <p id="mp-code-lifetime" class="${properties.kcLoginMainFooterHelperText!} mp-hint">${msg("marketplaceResetCodeLifetime", codeLifetime)}</p>
                </#if>
            </div>
            <#if usable>
                <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                    <button id="mp-verify" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" data-mp-submit-once>${msg("marketplaceResetVerify")}</button>
                </div>
            </#if>
        </form>
        <form id="mp-reset-resend-form" class="mp-resend" action="${url.loginAction}" method="post">
            <button id="mp-resend" class="${properties.kcButtonClass!} ${usable?then(properties.kcButtonSecondaryClass!"", properties.kcButtonPrimaryClass!"")} ${properties.kcButtonBlockClass!}"
                    type="submit" name="step" value="resend-code" <#if !usable>autofocus</#if>
                    <#if (resendInSeconds > 0)>aria-describedby="mp-resend-hint"</#if>>${usable?then(msg("marketplaceResetResend"), msg("marketplaceResetRequestNewCode"))}</button>
            <#if (resendInSeconds > 0)>
                <#-- the wait in words; the script counts it down and enables the button when it is over -->
                <p id="mp-resend-hint" class="${properties.kcLoginMainFooterHelperText!} mp-hint" data-mp-countdown="${resendInSeconds?c}"
                   data-mp-countdown-for="mp-resend" data-mp-countdown-done="mp-resend-ready" data-text="${msg("marketplaceResetResendHint")}"
                   <@plural.dataAttributes name="seconds" baseKey="marketplaceSeconds"/> <@plural.dataAttributes name="minutes" baseKey="marketplaceMinutes"/>>${msg("marketplaceResetResendHint", resendIn)}</p>
                <p id="mp-resend-ready" class="${properties.kcLoginMainFooterHelperText!} mp-hint" role="status" data-text="${msg("marketplaceResetResendReady")}"></p>
            </#if>
        </form>
        <form id="mp-reset-change-form" class="mp-change-address" action="${url.loginAction}" method="post">
            <button id="mp-change-address" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}"
                    type="submit" name="step" value="change-address">${msg("marketplaceResetChangeAddress")}</button>
        </form>
        <script type="module" src="${url.resourcesPath}/js/marketplace-reset.js"></script>
    <#elseif section = "info">
        <@parts.mailHelp noMailboxKey="marketplaceResetNoMailbox"/>
    </#if>
</@layout.registrationLayout>
