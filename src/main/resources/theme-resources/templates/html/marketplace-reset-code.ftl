<#-- The code e-mail (HTML part), theme-neutral: the marketplace e-mail theme restyles it. No link carries the code:
     it is typed, so nothing in the mail can be replayed by a scanner that follows links. -->
<html lang="${locale.language}">
<body style="font-family: Arial, sans-serif; color: #1a1a1a; font-size: 16px; line-height: 1.5;">
<p>${msg("marketplaceMailGreeting")}</p>
<p>${msg("marketplaceResetCodeMailIntro")}</p>
<p style="font-size: 32px; font-weight: bold; letter-spacing: 6px; font-family: 'Courier New', monospace;">${code}</p>
<p>${msg("marketplaceResetCodeMailLifetime", codeLifetime)}</p>
<p>${msg("marketplaceResetCodeMailIgnore")}</p>
<#-- «Это были не вы?»: a one-time cancellation link (the flow sets notMeUrl); it never carries the code. -->
<#if notMeUrl??>
<p>${msg("marketplaceResetCodeMailNotMeQuestion")} <a href="${notMeUrl}">${msg("marketplaceResetCodeMailNotMe")}</a></p>
</#if>
<p>${msg("marketplaceResetCodeMailSupport", supportEmail)}</p>
<p>${msg("marketplaceMailSignature", brandName!realmName)}</p>
</body>
</html>
