/*
 * Enhancements of the marketplace password-reset screens, for any login theme (shipped in the provider jar
 * as a theme resource). Every screen works without this script: each action is a plain form post and every
 * text is rendered by the server. It only adds what a static page cannot do:
 *   - the resend countdown (the button is enabled when the cooldown is over),
 *   - a notice when the code runs out while the code screen is open,
 *   - the live checklist of password rules, ticked as the shopper types,
 *   - the show/hide password button,
 *   - a refused password's error giving way once the shopper edits that field,
 *   - focus on the first field with an error, when the page's own autofocus did not get there,
 *   - a button disabled on submit (one click posts once) is enabled again when the page comes back from the
 *     back-forward cache, so the shopper is never left with a dead button.
 * Texts come from the page (data attributes rendered from the message bundles): nothing here is worded.
 */

const language = document.documentElement.lang || "en";
const plurals = new Intl.PluralRules(language);

/** "{0} секунды" for 3: the variant of a counted text for n, from data-<name>-<category> attributes. */
function counted(element, name, n) {
    const variants = element.dataset;
    const key = (category) => name + category.charAt(0).toUpperCase() + category.slice(1);
    const pattern = variants[key(plurals.select(n))] ?? variants[key("other")] ?? "{0}";
    return pattern.replace("{0}", n.toLocaleString(language));
}

/** A wait as the server words it (LocalizedText.waitTime): seconds under a minute, else minutes rounded up. */
function waitText(element, seconds) {
    return seconds < 60 ? counted(element, "seconds", seconds) : counted(element, "minutes", Math.ceil(seconds / 60));
}

/**
 * «Новый код можно запросить через 42 секунды», counted down every second from the server's number (never the
 * client's clock, which may be off), with the resend button disabled until then. The ticking text is not a
 * live region (a screen reader would read every second); the end is announced once, through a role=status.
 */
function startCountdown(hint) {
    const total = Number(hint.dataset.mpCountdown);
    const button = document.getElementById(hint.dataset.mpCountdownFor);
    const done = document.getElementById(hint.dataset.mpCountdownDone);
    if (!(total > 0) || !button) {
        return;
    }
    const started = performance.now();
    button.disabled = true;
    const tick = () => {
        const elapsed = (performance.now() - started) / 1000;
        const left = Math.ceil(total - elapsed);
        if (left <= 0) {
            button.disabled = false;
            hint.hidden = true;
            if (done) {
                done.textContent = done.dataset.text;
            }
            return;
        }
        hint.textContent = hint.dataset.text.replace("{0}", waitText(hint, left));
        // wake up just after the next whole second, so the number never skips or lingers
        setTimeout(tick, (1 - (elapsed % 1)) * 1000 + 20);
    };
    tick();
}

/**
 * «Срок действия кода истёк»: shown (and announced, the note is a role=alert) when the code's remaining life, as
 * the server counted it when rendering the page, has passed, so nobody types a dead code in vain.
 */
function startExpiryNotice(form) {
    const seconds = Number(form.dataset.mpExpiresIn);
    const note = document.getElementById(form.dataset.mpExpiredNote);
    if (!(seconds >= 0) || !note) {
        return;
    }
    setTimeout(() => { note.textContent = note.dataset.text; }, seconds * 1000);
}

/** What the password is made of, counted as the marketplace policy counts it (PasswordComposition). */
function composition(password) {
    const characters = [...password.normalize("NFC")];
    const count = (pattern) => characters.filter((c) => pattern.test(c)).length;
    return {
        length: characters.length,
        digits: count(/\p{Nd}/u),
        upper: count(/\p{Lu}/u),
        lower: count(/\p{Ll}/u),
    };
}

function isMet(rule, min, max, counts) {
    if (rule === "length") {
        return counts.length >= min && (max === 0 || counts.length <= max);
    }
    return counts[rule] >= min;
}

/**
 * Ticks each rule of the checklist as the shopper types. Each mark becomes an image named «выполнено» or
 * «ещё не выполнено», so a screen reader reads the state with the rule; «Все условия выполнены» is announced
 * once when the last rule is met.
 */
function startChecklist(list) {
    const input = document.getElementById(list.dataset.mpChecklistFor);
    const verdict = document.getElementById("mp-password-verdict");
    const items = [...list.querySelectorAll("[data-rule]")];
    if (!input || items.length === 0) {
        return;
    }
    // a list kept hidden behind the policy's sentence takes the sentence's place now that it can tick
    const box = list.closest("[data-mp-replaces]");
    if (box) {
        const sentence = document.getElementById(box.dataset.mpReplaces);
        if (sentence) {
            sentence.hidden = true;
        }
        box.hidden = false;
    }
    let allMetBefore = false;
    const update = () => {
        const counts = composition(input.value);
        let allMet = true;
        for (const item of items) {
            const met = isMet(item.dataset.rule, Number(item.dataset.min), Number(item.dataset.max), counts);
            item.dataset.state = met ? "met" : "unmet";
            const mark = item.querySelector("[data-mp-check-mark]");
            mark.removeAttribute("aria-hidden");
            mark.setAttribute("role", "img");
            mark.setAttribute("aria-label", met ? list.dataset.labelMet : list.dataset.labelUnmet);
            mark.textContent = met ? "\u2713" : "\u25CB";
            allMet = allMet && met;
        }
        list.dataset.state = allMet ? "met" : "unmet";
        if (verdict && allMet !== allMetBefore) {
            verdict.textContent = allMet ? list.dataset.allMet : "";
        }
        allMetBefore = allMet;
    };
    input.addEventListener("input", update);
    update();
}

/** Adds the show/hide button the page keeps in a <template>: one press shows both password fields. */
function startPasswordToggle(template) {
    const group = document.getElementById(template.dataset.mpToggleInto);
    const targets = template.dataset.mpToggleTargets.split(" ")
        .map((id) => document.getElementById(id)).filter(Boolean);
    if (!group || targets.length === 0) {
        return;
    }
    const item = template.content.firstElementChild.cloneNode(true);
    const button = item.querySelector("button");
    button.addEventListener("click", () => {
        const show = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", String(show));
        targets.forEach((field) => { field.type = show ? "text" : "password"; });
        const icon = button.querySelector("i");
        if (icon) {
            icon.className = show ? button.dataset.iconHide : button.dataset.iconShow;
        }
    });
    group.append(item);
}

/**
 * The server's error under a password field judged what was posted. Once the shopper edits that field it no
 * longer holds, and next to a checklist that already says «Все условия выполнены» it would contradict the page:
 * it gives way (hidden, the field no longer marked invalid). Without a script the server's message stays.
 */
function dismissWhenEdited(error) {
    const input = document.getElementById(error.dataset.mpStaleOnEdit);
    if (!input) {
        return;
    }
    input.addEventListener("input", () => {
        error.hidden = true;
        error.style.display = "none"; // a theme's display rule for the error would override [hidden]
        input.removeAttribute("aria-invalid");
        const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== error.id);
        input.setAttribute("aria-describedby", described.join(" "));
        const errorClasses = (error.dataset.mpErrorClass || "").split(" ").filter(Boolean);
        const marked = errorClasses.length > 0 ? input.closest("." + errorClasses.join(".")) : null;
        if (marked) {
            marked.classList.remove(...errorClasses);
        }
    }, { once: true });
}

/** The server marks the first field with an error autofocus; this covers a theme that focuses something else. */
function focusFirstError() {
    const invalid = document.querySelector("[aria-invalid='true']:not([disabled])");
    if (invalid && document.activeElement !== invalid) {
        invalid.focus();
    }
}

/**
 * A page restored from the back-forward cache keeps its disabled submit button (disabled on submit, see the code
 * form's onsubmit): enable it again, or the shopper who came back could not send the form at all.
 */
function enableSubmitOnceButtonsOnRestore() {
    window.addEventListener("pageshow", (event) => {
        if (event.persisted) {
            document.querySelectorAll("button[data-mp-submit-once]").forEach((button) => { button.disabled = false; });
        }
    });
}

enableSubmitOnceButtonsOnRestore();
document.querySelectorAll("[data-mp-countdown]").forEach(startCountdown);
document.querySelectorAll("[data-mp-expires-in]").forEach(startExpiryNotice);
document.querySelectorAll("[data-mp-checklist-for]").forEach(startChecklist);
document.querySelectorAll("template[data-mp-toggle-into]").forEach(startPasswordToggle);
document.querySelectorAll("[data-mp-stale-on-edit]").forEach(dismissWhenEdited);
focusFirstError();
