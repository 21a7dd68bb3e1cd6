extension SiteAssets {
    /// The site's one style sheet: the system's fonts, one column on a phone, cards on a light
    /// background, contrast of at least 4.5:1 for text (WCAG AA), visible focus. Embedded pages
    /// (`/embed/…`) use it too; a community's site can override any rule after it.
    static let style = """
        :root{--text:#1f2328;--muted:#57606a;--line:#d0d7de;--back:#f6f7f9;--card:#fff;--accent:#0b57d0;\
        --accent-text:#fff;--chip:#eef1f4;--alert:#9a1c1c;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
        "Helvetica Neue",Arial,sans-serif;color:var(--text);background:var(--back)}
        *{box-sizing:border-box}
        body{margin:0}
        a{color:var(--accent)}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{\
        outline:3px solid #f5a623;outline-offset:2px}
        .skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem}
        .skip:focus{left:.5rem}
        header.site{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.75rem 1rem;\
        background:var(--card);border-bottom:1px solid var(--line)}
        .brand{font-weight:700;text-decoration:none;color:var(--text);font-size:1.1rem}
        header nav ul{display:flex;flex-wrap:wrap;gap:.25rem .9rem;margin:0;padding:0;list-style:none}
        header nav a{text-decoration:none;padding:.2rem 0}
        header nav a[aria-current]{font-weight:700;border-bottom:2px solid var(--accent)}
        .language{margin-left:auto}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
        h2{font-size:1.2rem;line-height:1.3}
        .lead,.meta,.muted,.count{color:var(--muted)}
        form.filters{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin:1rem 0}
        .search{display:flex;flex-direction:column;gap:.25rem}
        .fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.75rem;margin-top:.75rem}
        .field{display:flex;flex-direction:column;gap:.25rem}
        label{font-weight:600;font-size:.95rem}
        input,select,textarea{font:inherit;padding:.45rem .6rem;border:1px solid #8c959f;border-radius:6px;\
        background:#fff;color:var(--text);width:100%;min-width:0}
        details.more{margin-top:.75rem}
        summary{cursor:pointer;font-weight:600}
        .actions{display:flex;gap:1rem;align-items:center;margin-top:.75rem}
        button,.button{font:inherit;display:inline-block;padding:.5rem 1.1rem;border:0;border-radius:6px;\
        background:var(--accent);color:var(--accent-text);text-decoration:none;cursor:pointer}
        .problem{color:var(--alert);background:#fdecec;border-radius:6px;padding:.5rem .75rem}
        ol.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
        .card,.record{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem}
        .card,.record,.problem{overflow-wrap:anywhere}
        .card h2{margin:0 0 .25rem}
        .card h2 a{text-decoration:none}
        .employer{margin:0 0 .5rem;color:var(--muted);font-weight:600}
        ul.facts{margin:.5rem 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.3rem .4rem}
        ul.facts li,.chip{display:inline-block;padding:.1rem .55rem;border-radius:1rem;background:var(--chip);\
        text-decoration:none;color:var(--text)}
        .salary{font-weight:600}
        .meta{margin:.25rem 0 0;font-size:.9rem}
        dl.details{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.35rem 1rem}
        dl.details dt{color:var(--muted)}
        dl.details dd{margin:0;overflow-wrap:anywhere}
        nav.pages{display:flex;gap:1rem;justify-content:center;align-items:center;margin:1.25rem 0}
        .live-note{background:#e7f3ff;border-radius:6px;padding:.5rem .75rem}
        footer.site{max-width:60rem;margin:2rem auto 0;padding:1rem;color:var(--muted);font-size:.9rem;\
        border-top:1px solid var(--line)}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
        .scroll{overflow-x:auto}
        figure{margin:1rem 0}
        figure svg,figure img{max-width:100%;height:auto}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line);\
        border-radius:6px;padding:.75rem}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        textarea.telegram{font:.9rem/1.45 ui-monospace,monospace;resize:vertical}
        ul.peers{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
        ul.peers h3{margin:0 0 .5rem;font-size:1.05rem}
        code.key{overflow-wrap:anywhere;word-break:break-all}
        ul.links{margin:0;padding-left:1.1rem}
        figure.network{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem}
        @media (max-width:30rem){h1{font-size:1.35rem}dl.details{grid-template-columns:1fr}dl.details dt{margin-top:.4rem}}
        .views{margin:.25rem 0}
        .when{margin:.25rem 0;font-weight:600}
        .zone{color:var(--muted);font-weight:400}
        .card.cancelled h2 a{text-decoration:line-through}
        ul.facts li.status,.status{color:var(--alert);font-weight:600}
        .line{display:block;overflow-wrap:anywhere}
        nav.months{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between;margin:1rem 0}
        table.month{table-layout:fixed;background:var(--card);border:1px solid var(--line)}
        table.month caption{font-size:1.2rem;font-weight:700;text-align:left;padding:.5rem 0}
        table.month th{text-align:center}
        table.month td{vertical-align:top;height:6rem;border:1px solid var(--line);padding:.25rem;overflow-wrap:anywhere}
        table.month td.blank{background:var(--back)}
        table.month td.today{background:#fff8e1;outline:2px solid #f5a623;outline-offset:-2px}
        table.month .weekday{display:none}
        table.month ul{list-style:none;margin:.25rem 0 0;padding:0;font-size:.85rem}
        table.month li{margin-bottom:.3rem}
        .time{font-weight:600}
        .today-mark{font-size:.8rem;color:var(--muted)}
        .subscribe{margin-top:2rem}
        .subscribe a{overflow-wrap:anywhere}
        @media (max-width:40rem){table.month,table.month tbody,table.month tr,table.month td,table.month caption{\
        display:block;width:auto}table.month{border:0;background:none}table.month thead{position:absolute;width:1px;\
        height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}table.month td{height:auto;\
        border:1px solid var(--line);border-radius:8px;background:var(--card);margin:.5rem 0;padding:.5rem .75rem}\
        table.month td.blank,table.month td.empty:not(.today){display:none}table.month .weekday{display:inline}\
        table.month ul{font-size:1rem}}
        form.account{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem}
        form.account button{padding:.2rem .7rem}
        form.signin,form.editor{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;\
        margin:1rem 0;display:grid;gap:.75rem;max-width:36rem}
        .field p{margin:0}
        .field .error{color:var(--alert);font-weight:600}
        .field input[aria-invalid=true],.field select[aria-invalid=true],.field textarea[aria-invalid=true]{\
        border:2px solid var(--alert)}
        fieldset.field{border:0;padding:0;margin:0}
        fieldset.field legend{font-weight:600;font-size:.95rem;padding:0}
        label.check{font-weight:400;display:flex;gap:.5rem;align-items:center}
        label.check input{width:auto}
        ul.editor-list{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
        ul.editor-list .actions{margin:0;display:inline-flex;flex-wrap:wrap;gap:.25rem .75rem}
        ul.editor-list .actions a{white-space:nowrap}
        .live-note,ul.editor-list li{overflow-wrap:anywhere}
        ul.peers .actions{flex-wrap:wrap}ul.peers .actions button{white-space:nowrap}
        .trap{display:none}
        ol.editor-list{margin:0;padding:0;list-style:none;display:grid;gap:.75rem}
        label.position{font-weight:400;margin-right:.25rem}
        input.position{width:4.5rem;margin-right:.5rem}
        """
}
