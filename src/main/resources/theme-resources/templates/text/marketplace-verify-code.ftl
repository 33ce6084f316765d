<#ftl output_format="plainText">
<#-- The address-verification code e-mail, plain-text part. The code stands alone on its line, easy to select and copy. -->
${msg("marketplaceMailGreeting")}

${msg("marketplaceVerifyCodeMailIntro")}

${code}

${msg("marketplaceResetCodeMailLifetime", codeLifetime)}

${msg("marketplaceVerifyCodeMailIgnore")}

${msg("marketplaceResetCodeMailSupport", supportEmail)}

${msg("marketplaceMailSignature", brandName!realmName)}
${msg("marketplaceMailAutomatic")}
