<#ftl output_format="plainText">
${msg("marketplaceResetCodeMailIntro")}

${code}

${msg("marketplaceResetCodeMailLifetime", codeLifetime)}

${msg("marketplaceResetCodeMailIgnore")}

<#if notMeUrl??>
${msg("marketplaceResetCodeMailNotMeQuestion")} ${msg("marketplaceResetCodeMailNotMe")}: ${notMeUrl}

</#if>
${msg("marketplaceResetCodeMailSupport", supportEmail)}
