<#ftl output_format="plainText">
<#-- The address-verification code e-mail, plain-text part. The code stands alone on its line, easy to select and copy. -->
${msg("marketplaceMailGreeting")}

${msg(((verifyPurpose!"verify") == "change")?then("marketplaceChangeCodeMailIntro", "marketplaceVerifyCodeMailIntro"))}

${code}

${msg("marketplaceResetCodeMailLifetime", codeLifetime)}

${msg(((verifyPurpose!"verify") == "change")?then("marketplaceChangeCodeMailIgnore", "marketplaceVerifyCodeMailIgnore"))}

${msg("marketplaceResetCodeMailSupport", supportEmail)}

${msg("marketplaceMailSignature", brandName!realmName)}
${msg("marketplaceMailAutomatic")}
