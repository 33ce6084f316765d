<#ftl output_format="plainText">
<#-- The code e-mail, plain-text part. The code stands alone on its line, so it is easy to select and copy. -->
${msg("marketplaceMailGreeting")}

${msg("marketplaceResetCodeMailIntro")}

${code}

${msg("marketplaceResetCodeMailLifetime", codeLifetime)}

${msg("marketplaceResetCodeMailIgnore")}

<#-- «Это были не вы?»: a one-time cancellation link (the flow sets notMeUrl); it never carries the code. -->
<#if notMeUrl??>
${msg("marketplaceResetCodeMailNotMeQuestion")} ${msg("marketplaceResetCodeMailNotMe")}: ${notMeUrl}

</#if>
${msg("marketplaceResetCodeMailSupport", supportEmail)}

${msg("marketplaceMailSignature", brandName!realmName)}
${msg("marketplaceMailAutomatic")}
