<#ftl output_format="plainText">
<#-- The code e-mail, plain-text part. The code stands alone on its line, so it is easy to select and copy. -->
<#if (user.firstName)?has_content>${msg("marketplaceMailGreeting", user.firstName)}<#else>${msg("marketplaceMailGreetingNoName")}</#if>

${msg("marketplaceResetCodeMailIntro")}

${code}

${msg("marketplaceResetCodeMailLifetime", codeLifetime)}

${msg("marketplaceResetCodeMailIgnore")}
<#-- «Это были не вы?»: the flow sets notMeUrl when the report endpoint exists; the link must carry no code. -->
<#if notMeUrl??>

${msg("marketplaceResetCodeMailNotMe")}: ${notMeUrl}
</#if>

${msg("marketplaceResetCodeMailSupport", supportEmail)}

${msg("marketplaceMailSignature", realmName)}
${msg("marketplaceMailAutomatic")}
