<#-- «Адрес почты изменён» in the marketplace look: sent to the address the account held before the change. -->
<#import "marketplace-mail.ftl" as mail>
<@mail.frame preheader=msg("marketplaceEmailChangedMailIntro", newAddress)>
<@mail.greeting/>
<@mail.paragraph>${msg("marketplaceEmailChangedMailIntro", newAddress)}</@mail.paragraph>
<@mail.paragraph style=" margin-bottom:0; color:#4b5563;">${msg("marketplaceEmailChangedMailNotYou", supportEmail)}</@mail.paragraph>
<@mail.signature/>
</@mail.frame>
