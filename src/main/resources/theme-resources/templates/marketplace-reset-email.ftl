<#-- «Восстановление пароля»: step 1 of the marketplace reset. Works with any login theme that has template.ftl, without scripts. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('email'); section>
<!-- template: marketplace-reset-email.ftl -->
    <#if section = "header">
        ${msg("marketplaceResetTitle")}
    <#elseif section = "form">
        <form id="mp-reset-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <p id="mp-reset-email-intro" class="mp-lead">${msg("marketplaceResetEmailIntro")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <label for="email" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceResetEmailLabel")}</label>
                <span class="${properties.kcInputClass!}<#if messagesPerField.existsError('email')> ${properties.kcError!}</#if>">
                    <input id="email" name="email" type="email" autocomplete="email" inputmode="email" autocapitalize="none"
                           spellcheck="false" maxlength="254" required autofocus value="${resetAddress!''}"
                           aria-describedby="<#if messagesPerField.existsError('email')>input-error-email </#if>mp-reset-email-intro"
                           <#if messagesPerField.existsError('email')>aria-invalid="true"</#if>/>
                </span>
                <#if messagesPerField.existsError('email')>
                    <div id="input-error-email" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="polite">${messagesPerField.get('email')}</div>
                </#if>
            </div>
            <input type="hidden" name="step" value="request-code"/>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button id="mp-reset-continue" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("marketplaceResetContinue")}</button>
            </div>
            <div class="${properties.kcFormOptionsWrapperClass!}">
                <a id="mp-back-to-login" class="mp-back-link" href="${url.loginUrl}">${msg("marketplaceResetBackToLogin")}</a>
            </div>
        </form>
    <#elseif section = "info">
        <p id="mp-support">${msg("marketplaceResetNoMailbox")}
            <a id="mp-support-link" href="mailto:${supportEmail}">${supportEmail}</a></p>
    </#if>
</@layout.registrationLayout>
