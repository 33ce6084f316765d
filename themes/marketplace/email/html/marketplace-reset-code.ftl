<#-- The code e-mail in the marketplace look. The code is one unbroken run of digits in a large monospace box:
     a double click or a long press selects all of it. No link carries the code. -->
<#import "marketplace-mail.ftl" as mail>
<@mail.frame preheader=msg("marketplaceResetCodeMailLifetime", codeLifetime)>
<@mail.greeting/>
<@mail.paragraph>${msg("marketplaceResetCodeMailIntro")}</@mail.paragraph>
<@mail.codeBox code=code/>
<@mail.paragraph>${msg("marketplaceResetCodeMailLifetime", codeLifetime)}</@mail.paragraph>
<@mail.paragraph style=" color:#4b5563;">${msg("marketplaceResetCodeMailIgnore")}</@mail.paragraph>
<#-- «Это были не вы?»: a one-time cancellation link (the flow sets notMeUrl); it never carries the code. -->
<#if notMeUrl??>
<@mail.paragraph>${msg("marketplaceResetCodeMailNotMeQuestion")} <a id="mp-not-me" href="${notMeUrl}" style="color:${mail.brand}; font-weight:600;">${msg("marketplaceResetCodeMailNotMe")}</a></@mail.paragraph>
</#if>
<@mail.paragraph style=" margin-bottom:0; color:#4b5563;">${msg("marketplaceResetCodeMailSupport", supportEmail)}</@mail.paragraph>
<@mail.signature/>
</@mail.frame>
