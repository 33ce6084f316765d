<#-- «Это были не вы?»: reached from the code e-mail. GET shows this page; only the button's POST cancels. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: marketplace-not-me.ftl -->
    <#if section = "header">
        ${msg("marketplaceNotMeTitle")}
    <#elseif section = "form">
        <#if notMeState == "confirm">
            <#-- the text inside the form: the theme's form spacing keeps the button clear of it -->
            <form id="mp-not-me-form" class="${properties.kcFormClass!} mp-not-me-form" action="${notMeAction}" method="post">
                <p id="mp-not-me-text">${msg("marketplaceNotMeConfirmText")}</p>
                <input type="hidden" name="token" value="${notMeToken}"/>
                <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                    <button id="mp-not-me-cancel" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit">${msg("marketplaceNotMeButton")}</button>
                </div>
            </form>
        <#elseif notMeState == "cancelled">
            <p id="mp-not-me-text" role="status">${msg("marketplaceNotMeCancelledText")}</p>
        <#else>
            <p id="mp-not-me-text">${msg("marketplaceNotMeInvalidText")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
