<#-- «Подтвердите адрес почты»: the required action that confirms the account's address with a code (instead of
     Keycloak's link). verifyMode "code": the code field, «Отправить код ещё раз», «Изменить адрес»; "address": the
     form for another address. Every action is a plain form post; marketplace-reset.js only adds the countdowns. -->
<#import "template.ftl" as layout>
<#import "marketplace-plural.ftl" as plural>
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
                <form id="mp-verify-code-form" class="${properties.kcFormClass!} mp-code-form" action="${url.loginAction}" method="post" novalidate
                      onsubmit="var b = document.getElementById('mp-verify'); if (b) { if (b.disabled) { return false; } b.disabled = true; } return true;"
                      <#if usable && codeExpiresInSeconds??>data-mp-expires-in="${codeExpiresInSeconds?c}" data-mp-expired-note="mp-code-expired"</#if>>
                    <input type="hidden" name="step" value="verify-code"/>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="code" class="${properties.kcLabelClass!} ${properties.kcFormLabelClass!}">${msg("marketplaceResetCodeLabel")}</label>
                        <span class="${properties.kcInputClass!}<#if codeError> ${properties.kcError!}</#if>">
                            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                                   pattern="[0-9\s\-]*" maxlength="${(codeLength * 2)?c}" required value="" spellcheck="false" class="mp-code-input"
                                   <#if usable>autofocus<#else>disabled</#if>
                                   aria-describedby="<#if codeError>input-error-code </#if><#if usable>mp-code-expired mp-code-lifetime</#if>"
                                   <#if codeError>aria-invalid="true"</#if>/>
                        </span>
                        <#if codeError>
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
            <#elseif codeError>
                <#-- no code could be sent (a limit): the reason, then the way to try again -->
                <p id="input-error-code" class="${properties.kcInputErrorMessageClass!} mp-field-error mp-code-not-sent" role="alert">${messagesPerField.get('code')}</p>
            </#if>
            <form id="mp-verify-resend-form" class="mp-resend" action="${url.loginAction}" method="post">
                <button id="mp-resend" class="${properties.kcButtonClass!} ${usable?then(properties.kcButtonSecondaryClass!"", properties.kcButtonPrimaryClass!"")} ${properties.kcButtonBlockClass!}"
                        type="submit" name="step" value="resend-code" <#if !usable>autofocus</#if>
                        <#if (resendInSeconds > 0)>aria-describedby="mp-resend-hint"</#if>>${usable?then(msg("marketplaceResetResend"), msg("marketplaceResetRequestNewCode"))}</button>
                <#if (resendInSeconds > 0)>
                    <p id="mp-resend-hint" class="${properties.kcLoginMainFooterHelperText!} mp-hint" data-mp-countdown="${resendInSeconds?c}"
                       data-mp-countdown-for="mp-resend" data-mp-countdown-done="mp-resend-ready" data-text="${msg("marketplaceResetResendHint")}"
                       <@plural.dataAttributes name="seconds" baseKey="marketplaceSeconds"/> <@plural.dataAttributes name="minutes" baseKey="marketplaceMinutes"/>>${msg("marketplaceResetResendHint", resendIn)}</p>
                    <p id="mp-resend-ready" class="${properties.kcLoginMainFooterHelperText!} mp-hint" role="status" data-text="${msg("marketplaceResetResendReady")}"></p>
                </#if>
            </form>
            <#if canChangeAddress!false>
                <form id="mp-verify-change-form" class="mp-change-address" action="${url.loginAction}" method="post">
                    <button id="mp-change-address" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" name="step" value="change-address">${msg("marketplaceResetChangeAddress")}</button>
                </form>
            </#if>
            <script type="module" src="${url.resourcesPath}/js/marketplace-reset.js"></script>
        </#if>
    <#elseif section = "info">
        <@parts.mailHelp noMailboxKey="marketplaceVerifyEmailNoMailbox"/>
    </#if>
</@layout.registrationLayout>
