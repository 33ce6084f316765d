<#-- The code e-mail in the marketplace look. The code is one unbroken run of digits in a large monospace box:
     a double click or a long press selects all of it. No link carries the code. -->
<#import "marketplace-mail.ftl" as mail>
<@mail.frame preheader=msg("marketplaceResetCodeMailLifetime", codeLifetime)>
<@mail.greeting/>
<@mail.paragraph>${msg("marketplaceResetCodeMailIntro")}</@mail.paragraph>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
  <tr>
    <td id="mp-mail-code" style="background:#f5f3ff; border:1px solid #ddd6fe; border-radius:12px; padding:14px 24px; font-family:'SFMono-Regular', Menlo, Consolas, 'Courier New', monospace; font-size:36px; line-height:44px; font-weight:700; letter-spacing:8px; color:#111827;">${code}</td>
  </tr>
</table>
<@mail.paragraph>${msg("marketplaceResetCodeMailLifetime", codeLifetime)}</@mail.paragraph>
<@mail.paragraph style=" color:#4b5563;">${msg("marketplaceResetCodeMailIgnore")}</@mail.paragraph>
<#-- «Это были не вы?»: a one-time cancellation link (the flow sets notMeUrl); it never carries the code. -->
<#if notMeUrl??>
<@mail.paragraph>${msg("marketplaceResetCodeMailNotMeQuestion")} <a id="mp-not-me" href="${notMeUrl}" style="color:${mail.brand}; font-weight:600;">${msg("marketplaceResetCodeMailNotMe")}</a></@mail.paragraph>
</#if>
<@mail.paragraph style=" margin-bottom:0; color:#4b5563;">${msg("marketplaceResetCodeMailSupport", supportEmail)}</@mail.paragraph>
<@mail.signature/>
</@mail.frame>
