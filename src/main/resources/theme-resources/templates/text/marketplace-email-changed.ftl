<#ftl output_format="plainText">
<#-- Sent to the address an account held before a change was confirmed by a code: a takeover does not go unnoticed. -->
${msg("marketplaceMailGreeting")}

${msg("marketplaceEmailChangedMailIntro", newAddress)}

${msg("marketplaceEmailChangedMailNotYou", supportEmail)}

${msg("marketplaceMailSignature", brandName!realmName)}
${msg("marketplaceMailAutomatic")}
