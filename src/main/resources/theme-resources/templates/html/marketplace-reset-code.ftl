<#-- The code e-mail (HTML part). No links: the code is typed, so nothing in the mail can be replayed by a scanner. -->
<html lang="${locale.language}">
<body style="font-family: Arial, sans-serif; color: #1a1a1a;">
<p>${msg("marketplaceResetCodeMailIntro")}</p>
<p style="font-size: 32px; font-weight: bold; letter-spacing: 6px; font-family: 'Courier New', monospace;">${code}</p>
<p>${msg("marketplaceResetCodeMailLifetime", codeLifetime)}</p>
<p>${msg("marketplaceResetCodeMailIgnore")}</p>
<#if notMeUrl??>
<p>${msg("marketplaceResetCodeMailNotMeQuestion")} <a href="${notMeUrl}">${msg("marketplaceResetCodeMailNotMe")}</a></p>
</#if>
<p>${msg("marketplaceResetCodeMailSupport", supportEmail)}</p>
</body>
</html>
