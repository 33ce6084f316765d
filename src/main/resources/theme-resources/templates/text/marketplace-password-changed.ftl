<#ftl output_format="plainText">
${msg("marketplacePasswordChangedMailIntro", changedAt)}

${msg("marketplacePasswordChangedMailNotYou", supportEmail)}
