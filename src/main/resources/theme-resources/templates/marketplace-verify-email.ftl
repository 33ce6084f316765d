<#-- «Подтвердите адрес почты»: the required action that confirms the account's address with a code (instead of
     Keycloak's link). verifyMode "code": the code field, «Отправить код ещё раз», «Изменить адрес»; "address": the
     form for another address. Every action is a plain form post; marketplace-reset.js only adds the countdowns. -->
<#import "template.ftl" as layout>
<#import "marketplace-code-parts.ftl" as parts>
<#assign codeError = messagesPerField.existsError('code')>
<#assign emailError = messagesPerField.existsError('email')>
<#assign usable = codeUsable!false>
<#assign change = (verifyPurpose!"verify") == "change">
<@layout.registrationLayout displayInfo=true displayMessage=!(codeError || emailError); section>
<!-- template: marketplace-verify-email.ftl -->
    <#if section = "header">
        <#if verifyMode == "address">${msg(change?then("marketplaceChangeEmailTitle", "marketplaceVerifyEmailNewAddressTitle"))}<#else>${msg(change?then("marketplaceChangeEmailCodeTitle", "marketplaceVerifyEmailTitle"))}</#if>
    <#elseif section = "form">
        <#if verifyMode == "address">
            <form id="mp-verify-address-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="step" value="save-address"/>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="email" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceVerifyEmailNewAddressLabel")}</label>
                    <span class="${properties.kcInputClass!}<#if emailError> ${properties.kcError!}</#if>">
                        <input id="email" name="email" type="email" inputmode="email" autocomplete="email" required autofocus
                               value="${newAddress!''}" spellcheck="false"
                               <#if emailError>aria-invalid="true" aria-describedby="input-error-email"</#if>/>
                    </span>
                    <#if emailError>
                        <div id="input-error-email" class="${properties.kcInputErrorMessageClass!} mp-field-error" aria-live="assertive">${kcSanitize(messagesPerField.get('email'))?no_esc}</div>
                    </#if>
                </div>
                <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                    <button id="mp-save-address" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit">${msg("marketplaceVerifyEmailSendToNewAddress")}</button>
                </div>
            </form>
            <#-- an address change the shopper asked for (kc_action) can be called off: Keycloak's cancel-aia; one an admin
                 set cannot. A verification goes back to its code. -->
            <#if !change || (isAppInitiatedAction!false)>
                <form id="mp-verify-keep-form" class="mp-change-address" action="${url.loginAction}" method="post">
                    <button id="mp-keep-address" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" <#if change>name="cancel-aia" value="true"<#else>name="step" value="keep-address"</#if>>${msg("marketplaceVerifyEmailKeepAddress", currentAddress!verifyAddress)}</button>
                </form>
            </#if>
        <#else>
            <#if codeSent!false>
                <p id="mp-code-sent-to" class="mp-lead">${msg(change?then("marketplaceChangeEmailCodeSentTo", "marketplaceVerifyEmailCodeSentTo"), verifyAddress)}</p>
                <@parts.mailLookup subjectKey=change?then("marketplaceChangeCodeMailSubject", "marketplaceVerifyCodeMailSubject")/>
                <@parts.codeForm formId="mp-verify-code-form" usable=usable codeError=codeError/>
            <#elseif codeError>
                <#-- no code could be sent (a limit): the reason, then the way to try again -->
                <p id="input-error-code" class="${properties.kcInputErrorMessageClass!} mp-field-error mp-code-not-sent" role="alert">${messagesPerField.get('code')}</p>
            </#if>
            <@parts.resendForm formId="mp-verify-resend-form" usable=usable/>
            <#if canChangeAddress!false>
                <@parts.changeAddressForm formId="mp-verify-change-form"/>
            </#if>
            <script type="module" src="${url.resourcesPath}/js/marketplace-reset.js"></script>
        </#if>
    <#elseif section = "info">
        <@parts.mailHelp noMailboxKey="marketplaceVerifyEmailNoMailbox"/>
    </#if>
</@layout.registrationLayout>
