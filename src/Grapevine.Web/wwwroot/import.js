// The import page: sends the form's post (to the page itself, which imports and renders the report) with a progress bar,
// then puts the report the page rendered in place. Without this script the same post loads that page.
(() => {
    const form = document.querySelector("form.import-form");
    const result = document.querySelector(".import-result");
    if (!form || !result) return;
    const status = form.querySelector(".import-status");
    const phase = form.querySelector(".import-phase");
    const bar = form.querySelector("progress");
    const button = form.querySelector("button[type=submit]");

    function showFailure(message) {
        const alert = document.createElement("div");
        alert.className = "alert";
        alert.setAttribute("role", "alert");
        const heading = document.createElement("h2");
        heading.textContent = "The import failed";
        const detail = document.createElement("p");
        detail.textContent = message;
        alert.append(heading, detail);
        result.replaceChildren(alert);
    }

    // Other refusals may be problem details; say what they say.
    function problemDetail(request) {
        try {
            const body = JSON.parse(request.responseText);
            return body.detail || body.title || null;
        } catch {
            return null;
        }
    }

    form.addEventListener("submit", event => {
        event.preventDefault();
        const request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.setRequestHeader("Accept", "text/html");
        status.hidden = false;
        button.disabled = true;
        phase.textContent = "Uploading";
        bar.value = 0;
        result.replaceChildren();
        request.upload.addEventListener("progress", e => {
            if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
        });
        request.upload.addEventListener("load", () => {
            phase.textContent = "Importing: checking and writing the rows, then the accounts' metrics and search profiles";
            bar.removeAttribute("value");
        });
        request.addEventListener("loadend", () => {
            status.hidden = true;
            button.disabled = false;
            // The report, or a refusal the page shows in its place (413: a file over the size limit).
            const page = (request.getResponseHeader("Content-Type") || "").startsWith("text/html")
                ? new DOMParser().parseFromString(request.responseText, "text/html").querySelector(".import-result")
                : null;
            if (page && (request.status === 200 || page.hasChildNodes())) result.replaceChildren(...page.childNodes);
            else if (request.status === 0) showFailure("The upload did not reach the server.");
            else showFailure(problemDetail(request) || `The server answered ${request.status}.`);
        });
        request.send(new FormData(form));
    });
    // From here on an upload shows its progress and the report in place; before, the same post loads the page with the report.
    // Tests wait for this mark rather than for the page's load.
    form.dataset.enhanced = "true";
})();
