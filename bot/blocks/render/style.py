"""The HTML preview's stylesheet: Slack's look (Lato-like type, message rows, modals, App Home),
and a message column nothing in a message may overflow."""

COLUMN = 760  # px: the message column, as wide as Slack's at a 1280 px window with a sidebar

STYLE = f"""
*{{box-sizing:border-box}}
body{{margin:0;font:15px/1.46668 Lato,"Helvetica Neue",Helvetica,Arial,sans-serif;color:#1d1c1d;
background:#f8f8f8}}
header{{background:#3f0e40;color:#fff;padding:16px 24px}}
header h1{{margin:0 0 4px;font-size:20px}} header p{{margin:0 0 8px;opacity:.85}}
nav{{display:flex;flex-wrap:wrap;gap:6px}}
nav a{{color:#fff;text-decoration:none;background:#5a2a5b;border-radius:4px;padding:2px 8px;
font-size:13px}}
main{{padding:16px 24px}}
.timeline{{margin:0 0 32px}}
.timeline h2{{font-size:18px;margin:0 0 8px}} .timeline h2 small{{font-weight:400;color:#616061}}
.column{{width:{COLUMN}px;max-width:100%}}
.entry{{margin:0 0 14px}}
.meta{{font-size:12px;color:#616061;margin:0 0 2px}}
.msg{{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:8px 16px;display:flex;
gap:8px;max-width:100%;overflow-wrap:anywhere}}
.msg .content{{flex:1;min-width:0}}
.avatar{{width:36px;height:36px;flex:none;border-radius:4px;background:#4a154b;color:#fff;
font-weight:900;display:flex;align-items:center;justify-content:center}}
.sender b{{font-weight:900}}
.app{{font-size:10px;background:#e8e8e8;color:#616061;border-radius:2px;padding:1px 3px}}
.block{{margin:4px 0;max-width:100%}}
.block h3{{font-size:18px;font-weight:900;margin:6px 0}}
.block.context{{font-size:13px;color:#616061;display:flex;flex-wrap:wrap;gap:4px 8px}}
.block.divider hr{{border:0;border-top:1px solid #dddddd;margin:10px 0}}
.block.actions{{display:flex;flex-wrap:wrap;gap:8px}}
.fields{{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin-top:4px}}
.with-accessory{{display:flex;gap:12px;justify-content:space-between}}
.with-accessory>div:first-child{{min-width:0;flex:1}}
.accessory{{flex:none}}
.button{{display:inline-block;border:1px solid #bbbabb;border-radius:4px;padding:3px 12px;
font-weight:700;font-size:14px;background:#fff;white-space:nowrap}}
.button.primary{{background:#007a5a;border-color:#007a5a;color:#fff}}
.button.danger{{background:#e01e5a;border-color:#e01e5a;color:#fff}}
.mention,.channel{{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}}
.broadcast{{background:#fcefd5;color:#1d1c1d;padding:0 2px}}
.date{{text-decoration:underline dotted}}
a{{color:#1264a3}}
code{{font:12px Monaco,Menlo,Consolas,monospace;background:#f6f6f6;border:1px solid #e0e0e0;
border-radius:3px;padding:1px 3px;color:#e01e5a}}
pre{{font:12px Monaco,Menlo,Consolas,monospace;background:#f8f8f8;border:1px solid #e0e0e0;
border-radius:4px;padding:8px;white-space:pre-wrap}}
blockquote{{margin:4px 0;padding-left:12px;border-left:4px solid #dddddd}}
ul,ol{{margin:2px 0;padding-left:24px}}
figure{{margin:4px 0}} figcaption{{font-size:13px;color:#616061}}
img.image{{max-width:100%;max-height:480px;border-radius:4px;display:block}}
img.thumb{{width:72px;height:72px;border-radius:4px;object-fit:cover}}
img.inline{{height:16px;vertical-align:middle}}
.missing-image{{border:1px dashed #bbbabb;padding:16px;color:#616061}}
.modal-box,.home-box{{display:block;padding:0}}
.modal-box{{width:520px;max-width:100%;box-shadow:0 4px 12px rgba(0,0,0,.12)}}
.modal-title{{font-size:22px;font-weight:900;padding:16px 20px;border-bottom:1px solid #ddd}}
.modal-body,.home-box>.block{{padding:0 20px}}
.modal-body{{padding-bottom:12px}}
.modal-footer{{display:flex;justify-content:flex-end;gap:8px;padding:12px 20px;
border-top:1px solid #ddd}}
.home-tabs{{padding:10px 20px;border-bottom:1px solid #ddd;color:#616061}}
.home-tabs b{{color:#1d1c1d;border-bottom:2px solid #1d1c1d}}
.block.input label{{display:block;font-weight:700;margin-top:8px}}
.optional,.hint{{font-weight:400;color:#616061;font-size:13px}}
.field{{border:1px solid #bbbabb;border-radius:4px;padding:6px 10px;min-height:36px;
margin-top:4px;background:#fff}}
.field.tall{{min-height:72px;white-space:pre-wrap}}
.placeholder{{color:#8d8d8d}}
.choices{{margin-top:4px}}
.choice{{display:flex;align-items:center;gap:6px}}
.radio,.check{{width:14px;height:14px;border:1px solid #8d8d8d;display:inline-block;flex:none}}
.radio{{border-radius:50%}} .radio.on,.check.on{{background:#1264a3;border-color:#1264a3}}
"""
