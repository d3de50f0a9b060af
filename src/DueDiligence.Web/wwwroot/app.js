// Small browser helpers for DueDiligence pages.
window.dueDiligence = {
    // Brings an element into view by its data-testid (used to jump from the score panel to a question).
    scrollToTestId: function (testId) {
        const element = document.querySelector('[data-testid="' + testId + '"]');
        if (element) {
            element.scrollIntoView({ behavior: "smooth", block: "center" });
        }
    },
    // Puts a text on the clipboard (a password reset link); browsers allow it only over https or on localhost.
    copyText: function (text) {
        return navigator.clipboard.writeText(text);
    }
};

// The navigation drawer (MainLayout), opened and closed here so that it works on every page, with a circuit or without.
// Its state is an attribute of <html>, which no render of a page replaces: data-nav="closed" hides it beside the page on
// a wide screen, data-nav="open" shows it over the page on a narrow one; without the attribute each screen has its
// default. Following a link of the drawer closes it on a narrow screen, as do its scrim and the Escape key.
(function () {
    const narrow = window.matchMedia("(max-width: 1279.98px)"); // the width of app.css below which the drawer opens over the page
    let open = null; // null: the screen's default, open when wide and closed when narrow

    const isOpen = () => open ?? !narrow.matches;

    function show() {
        const root = document.documentElement;
        if (open === null || open === !narrow.matches) {
            delete root.dataset.nav;
        } else {
            root.dataset.nav = open ? "open" : "closed";
        }
        for (const toggle of document.querySelectorAll("[data-nav-toggle]")) {
            toggle.setAttribute("aria-expanded", isOpen() ? "true" : "false");
            toggle.setAttribute("aria-label", isOpen() ? "Close the navigation" : "Open the navigation");
        }
    }

    function set(value) {
        open = value;
        show();
    }

    document.addEventListener("click", event => {
        if (!(event.target instanceof Element)) {
            return;
        }
        if (event.target.closest("[data-nav-toggle]")) {
            set(!isOpen());
        } else if (narrow.matches && event.target.closest("[data-nav-close], #app-nav a")) {
            set(null);
        }
    });
    document.addEventListener("keydown", event => {
        if (event.key === "Escape" && narrow.matches && isOpen()) {
            set(null);
        }
    });
    // A new width starts from its default. A page rendered anew (enhanced navigation) gets the state again, and so does
    // a toggle that a render put in place (the circuit's first render replaces the prerendered one).
    narrow.addEventListener("change", () => set(null));
    document.addEventListener("DOMContentLoaded", () => {
        show();
        new MutationObserver(() => {
            if (document.querySelector("[data-nav-toggle]:not([aria-expanded])")) {
                show();
            }
        }).observe(document.body, { childList: true, subtree: true });
    });
    window.addEventListener("load", () => window.Blazor?.addEventListener?.("enhancedload", show));
})();

// A page whose session ended while it was open (RedirectToLogin) leaves for the sign-in page: the browser goes, so that
// the circuit does not wait for an answer that the page's unload cuts off. In place of this entry, as a redirect is.
document.addEventListener("DOMContentLoaded", () => {
    const leave = () => {
        const target = document.querySelector("[data-leave-to]")?.getAttribute("data-leave-to");
        if (target && target.startsWith("/") && !target.startsWith("//")) {
            location.replace(target);
            return true;
        }
        return false;
    };
    if (!leave()) {
        const watch = new MutationObserver(() => leave() && watch.disconnect());
        watch.observe(document.body, { childList: true, subtree: true });
    }
});

// Tabs within a page (PageTabs): the arrow keys, Home and End move to a tab and choose it, as WAI-ARIA's tab pattern
// describes; the page's circuit shows its panel.
document.addEventListener("keydown", event => {
    const tab = event.target instanceof Element ? event.target.closest("[data-page-tabs] > [role=tab]") : null;
    if (!tab || event.altKey || event.ctrlKey || event.metaKey) {
        return;
    }
    const tabs = [...tab.parentElement.querySelectorAll(":scope > [role=tab]")];
    const at = tabs.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) {
        return;
    }
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    target.focus();
    target.click();
});

// A page left in a hidden tab gives its circuit back to the server, and takes a new one when it is shown again
// (docs/adr/0011). The delay is the <meta name="circuit-pause-after"> of App.razor.
// - Only a page that says it may pause does so: an element with data-circuit-pausable (the wizard and the supplier
//   portal while every answer is saved, the home page and the dashboard always, the supplier register and the
//   assessment list once their rows are shown, which the address names, and no search is typed and not applied, the
//   supplier's page and the review once shown, their tab in the address, the other lists whose filters and page the
//   address names, the record pages, and the administration and account pages once shown).
// - Not while it holds work that only the page has: an element marked data-unsaved (an upload or a save under way, a
//   workbook preview, links or secrets shown only once), a dialog open (its answer is awaited in the circuit), or a field with
//   content in a data-unsaved-area (a message being written, an invitation, a withdrawal's reason). The page then says
//   data-circuit="kept" and tries again after the same delay.
// - The new circuit renders the page again from the database, as a reload would; the window scrolls back to where it
//   was, and the field that had the focus gets it back. From the pause until that render the page is inert, and <html data-circuit="paused"> (then "resuming")
//   hides the framework's reconnection dialog; a resume slower than half a second shows a bar (app.css).
(function () {
    let timer = null;
    let pausing = null; // the pause under way or done: resolves to what the page had (its focus, its mark), or null

    function delay() {
        const after = Number(document.querySelector('meta[name="circuit-pause-after"]')?.content);
        return after > 0 ? after : null;
    }

    const hasContent = field =>
        field.type === "file" ? field.files.length > 0
            : field.type === "checkbox" || field.type === "radio" ? field.checked
                : field.value.trim() !== "";

    function mayPause() {
        return document.querySelector("[data-circuit-pausable]") !== null
            && document.querySelector("[data-unsaved], .mud-dialog-container") === null
            && ![...document.querySelectorAll("[data-unsaved-area] :is(input:not([type=hidden]), textarea, select)")].some(hasContent);
    }

    function arm() {
        const after = delay();
        if (after !== null && window.Blazor?.pauseCircuit) {
            timer = setTimeout(pause, after);
        }
    }

    function pause() {
        timer = null;
        if (document.visibilityState !== "hidden" || pausing) {
            return;
        }
        if (!mayPause()) {
            if (document.querySelector("[data-circuit-pausable]")) {
                document.documentElement.dataset.circuit = "kept";
            }
            arm(); // the page may allow it later (a save that ends, a message sent)
            return;
        }
        const page = {
            focused: document.activeElement?.id ? document.activeElement : null,
            mark: document.querySelector("[data-circuit-pausable]"),
            scrolled: window.scrollY
        };
        // Until a new circuit has rendered the page again, its elements have no handlers on the server: what is clicked
        // or typed in them would be lost, so nothing can be.
        document.body.inert = true;
        document.documentElement.dataset.circuit = "paused";
        pausing = window.Blazor.pauseCircuit().catch(() => false).then(paused => {
            if (!paused) {
                pausing = null;
                settle();
            }
            return paused ? page : null;
        });
    }

    async function resume() {
        const page = await pausing;
        pausing = null;
        if (!page) {
            return;
        }
        document.documentElement.dataset.circuit = "resuming";
        // The paused circuit's popovers (a select's list, a picker's suggestions) are gone with it: MudBlazor's script forgets
        // them, so that the new circuit's popover provider starts afresh instead of reporting an error as it starts again.
        window.mudPopover?.dispose();
        if (!await window.Blazor.resumeCircuit().catch(() => false)) {
            location.reload(); // the paused state is gone (expired, or the server restarted): nothing unsaved was on the page
            return;
        }
        await rendered(page.mark, 100);
        settle();
        // While the page loaded its data again it was shorter, and the window scrolled up: it goes back to where it was.
        window.scrollTo({ top: page.scrolled, behavior: "instant" });
        if (page.focused) {
            refocus(page.focused, 20);
        }
    }

    function settle() {
        document.body.inert = false;
        delete document.documentElement.dataset.circuit;
    }

    // The new circuit's first render replaces the page's elements, its mark among them (five seconds at most).
    function rendered(oldMark, tries) {
        return new Promise(done => {
            const check = left => {
                const mark = document.querySelector("[data-circuit-pausable]");
                if ((mark && mark !== oldMark) || left === 0) {
                    done();
                } else {
                    setTimeout(() => check(left - 1), 50);
                }
            };
            check(tries);
        });
    }

    // The field that had the focus gets it back in its new element, and keeps it when the router's first render moves
    // the focus to the page's heading.
    function refocus(old, tries) {
        const element = document.getElementById(old.id);
        if (element && (element !== old || tries === 0)) {
            element.focus({ preventScroll: true });
            const back = event => {
                if (event.target instanceof HTMLHeadingElement && element.isConnected) {
                    element.focus({ preventScroll: true });
                }
            };
            document.addEventListener("focusin", back);
            setTimeout(() => document.removeEventListener("focusin", back), 1000);
        } else if (tries > 0) {
            setTimeout(() => refocus(old, tries - 1), 50);
        }
    }

    document.addEventListener("visibilitychange", () => {
        clearTimeout(timer);
        timer = null;
        if (document.documentElement.dataset.circuit === "kept") {
            delete document.documentElement.dataset.circuit;
        }
        if (document.visibilityState === "hidden") {
            arm();
        } else if (pausing) {
            resume();
        }
    });
})();
