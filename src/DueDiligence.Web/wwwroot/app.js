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
