<#-- The address-verification code e-mail (HTML part), theme-neutral. No link carries the code: it is typed, so a
     mail scanner that follows links cannot confirm the address for the shopper. -->
<html lang="${locale.language}">
<body style="font-family: Arial, sans-serif; color: #1a1a1a; font-size: 16px; line-height: 1.5;">
<p>${msg("marketplaceMailGreeting")}</p>
<p>${msg(((verifyPurpose!"verify") == "change")?then("marketplaceChangeCodeMailIntro", "marketplaceVerifyCodeMailIntro"))}</p>
<p style="font-size: 32px; font-weight: bold; letter-spacing: 6px; font-family: 'Courier New', monospace;">${code}</p>
<p>${msg("marketplaceResetCodeMailLifetime", codeLifetime)}</p>
<p>${msg(((verifyPurpose!"verify") == "change")?then("marketplaceChangeCodeMailIgnore", "marketplaceVerifyCodeMailIgnore"))}</p>
<p>${msg("marketplaceResetCodeMailSupport", supportEmail)}</p>
<p>${msg("marketplaceMailSignature", brandName!realmName)}</p>
</body>
</html>
