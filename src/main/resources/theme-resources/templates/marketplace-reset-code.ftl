<#-- «Введите код из письма»: step 2 of the marketplace reset. Works with any login theme that has template.ftl:
     every action is a plain form post; marketplace-reset.js only adds the resend countdown and the expiry notice. -->
<#import "template.ftl" as layout>
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
        <@parts.codeForm formId="mp-reset-code-form" usable=usable codeError=codeError/>
        <@parts.resendForm formId="mp-reset-resend-form" usable=usable/>
        <@parts.changeAddressForm formId="mp-reset-change-form"/>
        <script type="module" src="${url.resourcesPath}/js/marketplace-reset.js"></script>
    <#elseif section = "info">
        <@parts.mailHelp noMailboxKey="marketplaceResetNoMailbox"/>
    </#if>
</@layout.registrationLayout>
