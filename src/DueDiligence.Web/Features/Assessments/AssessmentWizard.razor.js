// The wizard keeps its section in the address without a navigation (which would scroll to the top and run the router).
export function replaceAddress(url) {
    history.replaceState(history.state, "", url);
}

// After the render that shows the element; an instant jump, which a following render cannot interrupt as it can a smooth one.
export function scrollToTestId(testId, block) {
    requestAnimationFrame(() => {
        const element = document.querySelector('[data-testid="' + testId + '"]');
        if (element) {
            element.scrollIntoView({ behavior: "instant", block: block || "center" });
        }
    });
}
