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
    const narrow = window.matchMedia("(max-width: 959.98px)");
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
