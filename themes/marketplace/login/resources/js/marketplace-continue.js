/*
 * «Этот шаг уже пройден» (login-page-expired.ftl) continues by itself to the step the session is at. Once per
 * address and 30 seconds: should the next step answer with this page again, the shopper sees it and chooses,
 * rather than watching the browser go round in circles.
 */
const link = document.querySelector("[data-mp-continue-automatically]");
if (link) {
    const key = "mp-continued:" + link.href;
    let last = 0;
    try {
        last = Number(sessionStorage.getItem(key)) || 0;
    } catch (storageUnavailable) {
        // private mode without storage: continue, the server's next page decides
    }
    if (Date.now() - last > 30000) {
        try {
            sessionStorage.setItem(key, String(Date.now()));
        } catch (storageUnavailable) {
            // as above
        }
        // replace: the back button must not return to this page
        location.replace(link.href);
    }
}
