<#-- Sent after a successful reset: tells the owner, so a takeover does not go unnoticed. -->
<html lang="${locale.language}">
<body style="font-family: Arial, sans-serif; color: #1a1a1a;">
<p>${msg("marketplacePasswordChangedMailIntro", changedAt)}</p>
<p>${msg("marketplacePasswordChangedMailNotYou", supportEmail)}</p>
</body>
</html>
