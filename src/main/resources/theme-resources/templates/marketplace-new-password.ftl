<#-- «Придумайте новый пароль»: the last step of the marketplace reset. Works with any login theme that has template.ftl:
     without scripts it states the rules and posts the form; marketplace-reset.js adds the live checklist and show/hide. -->
<#import "template.ftl" as layout>
<#import "marketplace-password-checklist.ftl" as checklist>
<#assign newError = messagesPerField.existsError('password-new')>
<#assign confirmError = messagesPerField.existsError('password-confirm')>
<#assign ruleNumbers = checklist.numbers()>
<@layout.registrationLayout displayMessage=!(newError || confirmError); section>
<!-- template: marketplace-new-password.ftl -->
    <#if section = "header">
        ${msg("marketplaceNewPasswordTitle")}
    <#elseif section = "form">
        <form id="mp-new-password-form" class="${properties.kcFormClass!} mp-new-password" action="${url.loginAction}" method="post" novalidate>
            <#-- for password managers: which account the new password belongs to -->
            <input type="text" id="username" name="username" value="${username!''}" autocomplete="username" readonly hidden/>
            <#-- the rules in one sentence; with a script the live checklist under the field takes its place -->
            <#if passwordRules??>
                <p id="mp-password-rules" class="mp-lead">${passwordRules}</p>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <label for="password-new" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceNewPasswordLabel")}</label>
                <div id="mp-password-new-group" class="${properties.kcInputGroup!} mp-password-group">
                    <div class="${properties.kcInputGroupItemClass!} ${properties.kcFill!}">
                        <span class="${properties.kcInputClass!}<#if newError> ${properties.kcError!}</#if>">
                            <input id="password-new" name="password-new" type="password" autocomplete="new-password" required
                                   <#if newError || !confirmError>autofocus</#if>
                                   aria-describedby="<#if newError>input-error-password-new </#if><#if passwordRules??>mp-password-rules<#elseif ruleNumbers?has_content>mp-password-checklist-title mp-password-checklist</#if>"
                                   <#if newError>aria-invalid="true"</#if>/>
                        </span>
                    </div>
                </div>
                <#if newError>
                    <div id="input-error-password-new" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="polite"
                         data-mp-stale-on-edit="password-new" data-mp-error-class="${properties.kcError!}">${messagesPerField.get('password-new')}</div>
                </#if>
                <@checklist.list numbers=ruleNumbers for="password-new" replaces=(passwordRules??)?then("mp-password-rules", "")/>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="password-confirm" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceNewPasswordConfirmLabel")}</label>
                <span class="${properties.kcInputClass!}<#if confirmError> ${properties.kcError!}</#if>">
                    <input id="password-confirm" name="password-confirm" type="password" autocomplete="new-password" required
                           <#if confirmError && !newError>autofocus</#if>
                           <#if confirmError>aria-invalid="true" aria-describedby="input-error-password-confirm"</#if>/>
                </span>
                <#if confirmError>
                    <div id="input-error-password-confirm" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="polite"
                         data-mp-stale-on-edit="password-confirm" data-mp-error-class="${properties.kcError!}">${messagesPerField.get('password-confirm')}</div>
                </#if>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button id="mp-save-password" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("marketplaceNewPasswordSave")}</button>
            </div>
        </form>
        <#-- show/hide needs a script, so the script adds the button: a page without scripts shows no dead control -->
        <template id="mp-password-toggle-template" data-mp-toggle-into="mp-password-new-group" data-mp-toggle-targets="password-new password-confirm">
            <div class="${properties.kcInputGroupItemClass!}">
                <button id="mp-password-toggle" class="${properties.kcFormPasswordVisibilityButtonClass!} mp-password-toggle" type="button"
                        aria-controls="password-new password-confirm" aria-pressed="false" aria-label="${msg("marketplaceNewPasswordShow")}"
                        data-icon-show="${properties.kcFormPasswordVisibilityIconShow!}" data-icon-hide="${properties.kcFormPasswordVisibilityIconHide!}">
                    <#if properties.kcFormPasswordVisibilityIconShow?has_content><i class="${properties.kcFormPasswordVisibilityIconShow}" aria-hidden="true"></i><#else>${msg("marketplaceNewPasswordShow")}</#if>
                </button>
            </div>
        </template>
        <script type="module" src="${url.resourcesPath}/js/marketplace-reset.js"></script>
    </#if>
</@layout.registrationLayout>
