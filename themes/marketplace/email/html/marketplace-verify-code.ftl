<#-- The address-verification code e-mail in the marketplace look: the code in the same large monospace box as the
     reset's; no link carries it, so a mail scanner cannot confirm the address. -->
<#import "marketplace-mail.ftl" as mail>
<@mail.frame preheader=msg("marketplaceResetCodeMailLifetime", codeLifetime)>
<@mail.greeting/>
<@mail.paragraph>${msg(((verifyPurpose!"verify") == "change")?then("marketplaceChangeCodeMailIntro", "marketplaceVerifyCodeMailIntro"))}</@mail.paragraph>
<@mail.codeBox code=code/>
<@mail.paragraph>${msg("marketplaceResetCodeMailLifetime", codeLifetime)}</@mail.paragraph>
<@mail.paragraph style=" color:#4b5563;">${msg(((verifyPurpose!"verify") == "change")?then("marketplaceChangeCodeMailIgnore", "marketplaceVerifyCodeMailIgnore"))}</@mail.paragraph>
<@mail.paragraph style=" margin-bottom:0; color:#4b5563;">${msg("marketplaceResetCodeMailSupport", supportEmail)}</@mail.paragraph>
<@mail.signature/>
</@mail.frame>
