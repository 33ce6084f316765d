<#-- «Придумайте новый пароль»: the last step of the marketplace reset. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!(messagesPerField.existsError('password-new') || messagesPerField.existsError('password-confirm')); section>
<!-- template: marketplace-new-password.ftl -->
    <#if section = "header">
        ${msg("marketplaceNewPasswordTitle")}
    <#elseif section = "form">
        <form id="mp-new-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <input type="text" id="username" name="username" value="${username!''}" autocomplete="username" readonly hidden/>
            <#if passwordRules??>
                <p id="mp-password-rules">${passwordRules}</p>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <label for="password-new" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceNewPasswordLabel")}</label>
                <span class="${properties.kcInputClass!}">
                    <input id="password-new" name="password-new" type="password" autocomplete="new-password" required autofocus
                           aria-describedby="<#if passwordRules??>mp-password-rules</#if><#if messagesPerField.existsError('password-new')> input-error-password-new</#if>"
                           <#if messagesPerField.existsError('password-new')>aria-invalid="true"</#if>/>
                </span>
                <#if messagesPerField.existsError('password-new')>
                    <div id="input-error-password-new" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="polite">${messagesPerField.get('password-new')}</div>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="password-confirm" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceNewPasswordConfirmLabel")}</label>
                <span class="${properties.kcInputClass!}">
                    <input id="password-confirm" name="password-confirm" type="password" autocomplete="new-password" required
                           <#if messagesPerField.existsError('password-confirm')>aria-invalid="true" aria-describedby="input-error-password-confirm"</#if>/>
                </span>
                <#if messagesPerField.existsError('password-confirm')>
                    <div id="input-error-password-confirm" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="polite">${messagesPerField.get('password-confirm')}</div>
                </#if>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button id="mp-save-password" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("marketplaceNewPasswordSave")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
