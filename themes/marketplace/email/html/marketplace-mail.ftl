<#--
  The marketplace e-mail frame: brand bar, white card, quiet footer. Tables and inline styles only, because
  that is what mail clients (Yandex, Mail.ru, Gmail, Outlook) render alike; 560 px wide, fluid on phones.
  Use:  <#import "marketplace-mail.ftl" as mail>  <@mail.frame preheader="…">…</@mail.frame>
-->
<#assign font = "-apple-system, 'Segoe UI', Roboto, Arial, 'Helvetica Neue', sans-serif">
<#assign brand = "#6d28d9">
<#-- the brand's mark: its initial on the brand colour (a mail sent off the request thread has no URL for an image) -->
<#-- the brand in the mail's language (ResetMailer's brandName), else the realm's display name as Keycloak gives it -->
<#assign brandName = brandName!realmName!"">
<#assign initial = brandName?has_content?then(brandName?substring(0, 1)?upper_case, "")>

<#macro frame preheader="">
<!DOCTYPE html>
<html lang="${locale.language}" dir="${ltr?then('ltr', 'rtl')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${subject!""}</title>
</head>
<body style="margin:0; padding:0; background:#f3f4f6;">
<#-- the line mail clients show next to the subject in the inbox -->
<#if preheader?has_content><div style="display:none; max-height:0; overflow:hidden; mso-hide:all;">${preheader}</div></#if>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">
  <tr>
    <td align="center" style="padding:24px 12px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
        <tr>
          <td style="padding:0 8px 16px; font-family:${font}; font-size:20px; line-height:28px; font-weight:700; color:#111827;">
            <span style="display:inline-block; width:28px; height:28px; line-height:28px; margin-right:8px; border-radius:8px; background:${brand}; color:#ffffff; text-align:center; font-size:16px; vertical-align:top;">${initial}</span>${brandName}
          </td>
        </tr>
        <tr>
          <td style="background:#ffffff; border-radius:16px; padding:32px; font-family:${font}; font-size:16px; line-height:24px; color:#111827;">
            <#if subject?has_content><h1 style="margin:0 0 20px; font-family:${font}; font-size:22px; line-height:28px; font-weight:700; color:#111827;">${subject}</h1></#if>
            <#nested>
          </td>
        </tr>
        <tr>
          <td style="padding:16px 8px 0; font-family:${font}; font-size:13px; line-height:20px; color:#4b5563;">
            ${msg("marketplaceMailAutomatic")}
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
</#macro>

<#-- no name: profile fields never reach the flow's mails (nothing a stranger typed into a profile is echoed) -->
<#macro greeting>
<p style="margin:0 0 16px;">${msg("marketplaceMailGreeting")}</p>
</#macro>

<#macro paragraph style="">
<p style="margin:0 0 16px;${style}"><#nested></p>
</#macro>

<#macro signature>
<p style="margin:24px 0 0; color:#4b5563;">${msg("marketplaceMailSignature", brandName)}</p>
</#macro>

<#-- The code as one unbroken run of digits in a large monospace box: a double click or a long press selects all of it. -->
<#macro codeBox code>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
  <tr>
    <td id="mp-mail-code" style="background:#f5f3ff; border:1px solid #ddd6fe; border-radius:12px; padding:14px 24px; font-family:'SFMono-Regular', Menlo, Consolas, 'Courier New', monospace; font-size:36px; line-height:44px; font-weight:700; letter-spacing:8px; color:#111827;">${code}</td>
  </tr>
</table>
</#macro>
