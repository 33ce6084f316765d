<#-- Parts every code screen shows, whichever flow sent the code (the reset, the address verification).
     The data model gives senderAddress, senderName, webmailId/webmailUrl and supportEmail; the code and resend forms
     also codeLength, codeLifetime, codeExpiresInSeconds, resendInSeconds and resendIn. -->
<#import "marketplace-plural.ftl" as plural>

<#-- «Как найти письмо»: who the mail is from, its subject, and the shopper's webmail when the address has a known one -->
<#macro mailLookup subjectKey>
    <#if senderAddress?has_content>
        <div id="mp-mail-lookup" class="mp-mail-lookup">
            <p id="mp-mail-lookup-title" class="mp-mail-lookup__title">${msg("marketplaceResetMailLookupTitle")}</p>
            <dl class="mp-mail-lookup__facts">
                <dt>${msg("marketplaceResetMailLookupFrom")}</dt>
                <dd id="mp-mail-sender"><#if senderName?has_content><span class="mp-mail-lookup__name">${senderName}</span> </#if><span class="mp-mail-lookup__address">${senderAddress}</span></dd>
                <dt>${msg("marketplaceResetMailLookupSubject")}</dt>
                <dd id="mp-mail-subject">${msg(subjectKey)}</dd>
            </dl>
            <#if webmailUrl?? && webmailId??>
                <#assign webmailLabel = msg("marketplaceResetOpenWebmail." + webmailId)>
                <a id="mp-open-webmail" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} mp-webmail mp-webmail--${webmailId}"
                   href="${webmailUrl}" target="_blank" rel="noopener noreferrer" data-webmail="${webmailId}"
                   aria-label="${msg("marketplaceResetOpensInNewTab", webmailLabel)}">${webmailLabel}<span class="mp-webmail__arrow" aria-hidden="true"> ↗</span></a>
            </#if>
        </div>
    </#if>
</#macro>

<#-- The info box: where a missing mail hides, and how to reach support without the mailbox -->
<#macro mailHelp noMailboxKey>
    <p id="mp-mail-help">${msg("marketplaceResetMailHelp")}</p>
    <p id="mp-support">${msg(noMailboxKey)}
        <a id="mp-support-link" href="mailto:${supportEmail}">${supportEmail}</a></p>
</#macro>

<#-- The code field and «Подтвердить». usable: false once only a new code helps (no attempts left, or expired): the
     field is then disabled and the resend button leads. -->
<#macro codeForm formId usable codeError>
    <#-- data-mp-expires-in: the code's remaining life by the server's clock, so the page can say when it has run out -->
    <#-- onsubmit: one click posts once, as Keycloak's own login form does (a disabled button is not sent, so the
         step travels in a hidden field); marketplace-reset.js enables the button again when the page is restored
         from the back-forward cache -->
    <form id="${formId}" class="${properties.kcFormClass!} mp-code-form" action="${url.loginAction}" method="post" novalidate
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
</#macro>

<#-- «Отправить код ещё раз» (or «Получить новый код» once the code is dead), with the cooldown in words -->
<#macro resendForm formId usable>
    <form id="${formId}" class="mp-resend" action="${url.loginAction}" method="post">
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
</#macro>

<#-- «Изменить адрес»: back to the address form -->
<#macro changeAddressForm formId>
    <form id="${formId}" class="mp-change-address" action="${url.loginAction}" method="post">
        <button id="mp-change-address" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}"
                type="submit" name="step" value="change-address">${msg("marketplaceResetChangeAddress")}</button>
    </form>
</#macro>
