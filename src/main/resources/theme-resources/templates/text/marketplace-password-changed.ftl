<#ftl output_format="plainText">
<#-- Sent after a successful reset: tells the owner, so a takeover does not go unnoticed. -->
${msg("marketplaceMailGreeting")}

${msg("marketplacePasswordChangedMailIntro", changedAt)}
<#if ipAddress?has_content>
${msg("marketplacePasswordChangedMailWhere", ipAddress)}
</#if>

${msg("marketplacePasswordChangedMailWasYou")}

${msg("marketplacePasswordChangedMailNotYou", supportEmail)}

${msg("marketplaceMailSignature", brandName!realmName)}
${msg("marketplaceMailAutomatic")}
