<#ftl output_format="plainText">
${msg("marketplaceResetCodeMailIntro")}

${code}

${msg("marketplaceResetCodeMailLifetime", codeLifetime)}

${msg("marketplaceResetCodeMailIgnore")}

${msg("marketplaceResetCodeMailSupport", supportEmail)}
