<#-- «Ваш пароль изменён» in the marketplace look: when and from where, and what to do if it was not the owner. -->
<#import "marketplace-mail.ftl" as mail>
<@mail.frame preheader=msg("marketplacePasswordChangedMailIntro", changedAt)>
<@mail.greeting/>
<@mail.paragraph>${msg("marketplacePasswordChangedMailIntro", changedAt)}<#if ipAddress?has_content><br><span style="color:#4b5563;">${msg("marketplacePasswordChangedMailWhere", ipAddress)}</span></#if></@mail.paragraph>
<@mail.paragraph>${msg("marketplacePasswordChangedMailWasYou")}</@mail.paragraph>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 0;">
  <tr>
    <td style="background:#fef2f2; border-left:4px solid #b91c1c; border-radius:8px; padding:14px 16px; font-weight:600; color:#7f1d1d;">${msg("marketplacePasswordChangedMailNotYou", supportEmail)}</td>
  </tr>
</table>
<@mail.signature/>
</@mail.frame>
