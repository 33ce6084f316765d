<#-- Sent to the address an account held before a change was confirmed by a code (HTML part), theme-neutral. -->
<html lang="${locale.language}">
<head><title>${msg("marketplaceEmailChangedMailSubject")}</title></head>
<body style="font-family: Arial, sans-serif; color: #1a1a1a; font-size: 16px; line-height: 1.5;">
<p>${msg("marketplaceMailGreeting")}</p>
<p>${msg("marketplaceEmailChangedMailIntro", newAddress)}</p>
<p>${msg("marketplaceEmailChangedMailNotYou", supportEmail)}</p>
<p>${msg("marketplaceMailSignature", brandName!realmName)}</p>
</body>
</html>
