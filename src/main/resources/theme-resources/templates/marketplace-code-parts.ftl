<#-- Parts every code screen shows, whichever flow sent the code (the reset, the address verification).
     The data model gives senderAddress, senderName, webmailId/webmailUrl and supportEmail. -->

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
