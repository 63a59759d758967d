// The import page: uploads the form to POST /api/v1/imports with a progress bar, then shows the report or the errors.
(() => {
    const form = document.querySelector("form.import-form");
    const result = document.querySelector(".import-result");
    if (!form || !result) return;
    const status = form.querySelector(".import-status");
    const phase = form.querySelector(".import-phase");
    const bar = form.querySelector("progress");
    const button = form.querySelector("button[type=submit]");

    const element = (tag, text, className) => {
        const node = document.createElement(tag);
        if (text !== undefined) node.textContent = text;
        if (className) node.className = className;
        return node;
    };
    const number = value => Number(value).toLocaleString("en-US");

    // "accounts" → "account" for one row: every kind's name is a plural ending in s.
    const noun = (kind, count) => count === 1 ? kind.replace(/s$/, "") : kind;
    const rows = count => `${number(count)} ${count === 1 ? "row" : "rows"}`;

    // Unchanged rows are counted apart: "imported" names only rows that were added or changed.
    function headline(report) {
        const changed = report.inserted + report.updated;
        const parts = [];
        if (changed > 0)
            parts.push(`Imported ${number(changed)} ${noun(report.kind, changed)}` +
                (report.unchanged > 0 ? `; ${number(report.unchanged)} already up to date` : ""));
        else if (report.unchanged > 0)
            parts.push(`Nothing changed: ${number(report.unchanged)} ${noun(report.kind, report.unchanged)} already up to date`);
        else
            parts.push("Nothing imported");
        if (report.rejected > 0) parts.push(`${rows(report.rejected)} rejected`);
        return parts.join("; ");
    }

    function showReport(report) {
        const card = element("div", undefined, "card section");
        const allLanded = report.rejected === 0;
        card.append(element("h2", headline(report)));
        const stats = element("dl", undefined, "stats");
        for (const [label, value] of [
            ["Rows read", report.rowsRead], ["Inserted", report.inserted], ["Updated", report.updated],
            ["Unchanged", report.unchanged], ["Rejected", report.rejected], ["Accounts recomputed", report.accountsRecomputed]]) {
            const item = element("div");
            item.append(element("dt", label), element("dd", number(value)));
            stats.append(item);
        }
        card.append(stats);
        card.append(element("p", `${report.seconds.toFixed(2)} s, ${number(report.rowsPerSecond)} rows per second. ` +
            (allLanded ? "Every row landed." : "The valid rows landed; fix the rows below and import the file again (rows already imported stay unchanged)."), "hint"));
        if (report.rejections.length > 0) {
            const wrap = element("div", undefined, "table-wrap");
            const table = element("table", undefined, "rejections");
            // Every rejected row, in a CSV with the file's own columns: fix the values and import it as it is.
            const aboutDownload = " It has your file's columns, then line, field and error: fix the values and import it as it is. Kept for 24 hours.";
            const download = () => {
                const link = element("a", report.rejected === 1
                    ? "Download the rejected row (CSV)" : `Download all ${rows(report.rejected)} rejected (CSV)`, "button");
                link.href = report.rejectedRowsUrl;
                link.setAttribute("download", "");
                return link;
            };
            if (report.rejectionsTruncated) {
                const note = element("p", `Showing the first ${number(report.rejections.length)} of ${rows(report.rejected)} rejected. `, "alert truncated");
                if (report.rejectedRowsUrl) {
                    note.append(download(), aboutDownload);
                } else {
                    note.append(`To get every rejected row, import the file from the command line (grapevine import FILE --kind ${report.kind}): ` +
                        "it writes them all, with their reasons, to FILE.rejected.csv next to the file.");
                }
                card.append(note);
            } else if (report.rejectedRowsUrl) {
                const note = element("p", undefined, "hint");
                note.append(download(), aboutDownload);
                card.append(note);
            }
            table.append(element("caption", report.rejectionsTruncated
                ? `The first ${number(report.rejections.length)} rejected rows` : "Rejected rows", "visually-hidden"));
            const head = element("thead");
            const headRow = element("tr");
            for (const name of ["Line", "Field", "Why"]) headRow.append(element("th", name));
            head.append(headRow);
            const body = element("tbody");
            for (const rejection of report.rejections) {
                const row = element("tr");
                row.append(element("td", number(rejection.line), "num"), element("td", rejection.field), element("td", rejection.message));
                body.append(row);
            }
            table.append(head, body);
            wrap.append(table);
            card.append(wrap);
        }
        result.replaceChildren(card);
    }

    function showProblem(title, detail) {
        const alert = element("div", undefined, "alert");
        alert.setAttribute("role", "alert");
        alert.append(element("h2", title), element("p", detail));
        result.replaceChildren(alert);
    }

    function showErrors(title, errors) {
        const alert = element("div", undefined, "alert");
        alert.setAttribute("role", "alert");
        alert.append(element("h2", title));
        const list = element("ul");
        for (const [field, messages] of Object.entries(errors))
            for (const message of messages) list.append(element("li", `${field}: ${message}`));
        alert.append(list);
        result.replaceChildren(alert);
    }

    form.addEventListener("submit", event => {
        event.preventDefault();
        const request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.setRequestHeader("Accept", "application/json");
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
            let body = null;
            try { body = JSON.parse(request.responseText); } catch { /* not JSON: handled below */ }
            if (request.status === 200 && body) showReport(body);
            else if (body && body.errors) showErrors(body.title || "The import request is not valid", body.errors);
            else if (body && body.detail) showProblem(body.title || "The import failed", body.detail);
            else showErrors("The import failed", { file: [request.status === 0 ? "the upload did not reach the server" : `the server answered ${request.status}`] });
        });
        request.send(new FormData(form));
    });
    // From here on an upload shows its progress and report; before, the form would post straight to the API and the
    // browser would show its JSON. Tests wait for this mark rather than for the page's load.
    form.dataset.enhanced = "true";
})();
