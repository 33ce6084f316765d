<#-- Sent after a successful reset (HTML part), theme-neutral: tells the owner, so a takeover does not go unnoticed. -->
<html lang="${locale.language}">
<body style="font-family: Arial, sans-serif; color: #1a1a1a; font-size: 16px; line-height: 1.5;">
<p>${msg("marketplaceMailGreeting")}</p>
<p>${msg("marketplacePasswordChangedMailIntro", changedAt)}<#if ipAddress?has_content><br>${msg("marketplacePasswordChangedMailWhere", ipAddress)}</#if></p>
<p>${msg("marketplacePasswordChangedMailWasYou")}</p>
<p><strong>${msg("marketplacePasswordChangedMailNotYou", supportEmail)}</strong></p>
<p>${msg("marketplaceMailSignature", brandName!realmName)}</p>
</body>
</html>
