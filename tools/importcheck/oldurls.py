#!/usr/bin/env python3
"""Check that an imported site keeps the old site's addresses.

Usage: python3 tools/importcheck/oldurls.py hugo|jekyll SRC PUBLIC

It lists the published pages of the Hugo or Jekyll site SRC (Jekyll: its
posts, its Markdown pages and the documents of its collections with
output, and with jekyll-polyglot each language's under /LANG/) with their addresses, worked out here from the files and the permalink config
without plotline's code (Hugo: a language's own permalinks too; on a
multihost site, each language's under /LANG/, where the import
redirects its host's addresses), and looks each up in PUBLIC, the public/ folder
plotline built from `plotline import`: the page itself, a redirect page,
or missing. It needs PyYAML (Debian: python3-yaml)."""
import os, re, sys, datetime, unicodedata, urllib.parse, yaml, tomllib

class Yaml12(yaml.SafeLoader):
    """YAML as Hugo reads it: only true and false are booleans (a
    language named no: stays "no", where YAML 1.1 made it false)."""
Yaml12.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != 'tag:yaml.org,2002:bool']
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for c in 'tTfF':
    Yaml12.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), [c])

def fm(path):
    s = open(path, encoding='utf-8').read()
    m = re.match(r'^\s*(---|\+\+\+)\s*\n(.*?)\n(---|\+\+\+|\.\.\.)[ \t]*(\n|$)', s, re.S)
    if not m: return None
    try:
        return (tomllib.loads(m.group(2)) if m.group(1) == '+++' else yaml.safe_load(m.group(2))) or {}
    except Exception:
        return {}

def date_of(d, name):
    if isinstance(d, datetime.datetime): return d
    if isinstance(d, datetime.date): return datetime.datetime(d.year, d.month, d.day)
    if isinstance(d, str):
        for f in ('%Y-%m-%d', '%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%d %H:%M:%S %z', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%S.%f%z'):
            try: return datetime.datetime.strptime(d.strip()[:len(datetime.datetime(2000,1,1).strftime(f))+6] if False else d.strip(), f)
            except ValueError: pass
        # As Ruby's lenient parser reads it, with which Jekyll dates a
        # post: "August 4, 2020", "2017-09-27 (optional)".
        for f in ('%B %d, %Y', '%b %d, %Y', '%d %B, %Y', '%d %b, %Y'):  # and knitr's "22 March, 2018"
            try: return datetime.datetime.strptime(d.strip(), f)
            except ValueError: pass
        m = re.match(r'(\d{4})-(\d\d)-(\d\d)( |$)', d.strip())
        if m: return datetime.datetime(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r'(\d{4})-(\d{1,2})-(\d{1,2})-', name)  # Jekyll's month and day may have one digit
    return datetime.datetime(int(m[1]), int(m[2]), int(m[3])) if m else None

def valid_date(s):
    try:
        datetime.date.fromisoformat(s); return True
    except ValueError:
        return False

def hugo(src):
    conf = {}
    for n in ('hugo.toml', 'config.toml', 'hugo.yaml', 'config.yaml', 'hugo.yml', 'config.yml',
              'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/hugo.yaml',
              'config/_default/config.yaml'):
        p = os.path.join(src, n)
        if os.path.exists(p):
            conf = tomllib.load(open(p, 'rb')) if n.endswith('toml') else yaml.load(open(p), Loader=Yaml12)
            break
    # The other files of config/_default, each the key it is named after;
    # one named after a language (languages.fr.toml, params.fr.toml) that
    # language's config, as Hugo reads them.
    d = os.path.join(src, 'config', '_default')
    for n in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        stem, ext = os.path.splitext(n)
        if ext not in ('.toml', '.yaml', '.yml') or stem.lower() in ('hugo', 'config'):
            continue
        v = tomllib.load(open(os.path.join(d, n), 'rb')) if ext == '.toml' else yaml.load(open(os.path.join(d, n)), Loader=Yaml12)
        name, _, lang = stem.rpartition('.')
        if not name:
            conf.setdefault(stem, v)
        elif name in ('params', 'menus', 'menu'):
            conf.setdefault('languages', {}).setdefault(lang, {}).setdefault(name, v)
        else:
            lc = conf.setdefault('languages', {}).setdefault(lang, {})
            for k, x in (v or {}).items():
                lc.setdefault(k, x)
    pl = {k.lower(): v for k, v in (conf.get('permalinks') or {}).items()}
    lower = {k.lower(): v for k, v in conf.items()}
    # removePathAccents: Hugo leaves the accents out of a page's path.
    plain = (lambda u: ''.join(c for c in unicodedata.normalize('NFD', u) if not unicodedata.combining(c))) if lower.get('removepathaccents') else (lambda u: u)
    filename_dates = any(isinstance(v, list) and v and str(v[0]).lower() == ':filename'
                         for v in (lower.get('frontmatter') or {}).values())
    langs = {k.lower() for k in (lower.get('languages') or {})}
    default = str(lower.get('defaultcontentlanguage') or 'en').lower()
    langs.add(default)  # index.en.md is the default language's page
    # A language's own permalinks, over the site's; a language's own
    # baseURL (multihost): each language at the root of its host, which
    # the import redirects under /LANG/ of the new site (the default
    # language's at its root).
    langpl, multihost = {}, False
    for code, lc in (lower.get('languages') or {}).items():
        lc = {k.lower(): v for k, v in (lc or {}).items()}
        langpl['' if code.lower() == default else '/' + code.lower()] = dict(pl, **{k.lower(): v for k, v in (lc.get('permalinks') or {}).items()})
        multihost = multihost or bool(lc.get('baseurl'))
    # A language's own contentDir (content/es): its pages under /es/.
    langdirs = {}
    for code, lc in (lower.get('languages') or {}).items():
        cd = str((lc or {}).get('contentDir') or (lc or {}).get('contentdir') or '')
        if cd.startswith('content/'):
            langdirs[cd[len('content/'):].strip('/')] = '' if code.lower() == default else '/' + code.lower()
    # Every language reading its own folder: the other folders of
    # content/ (Let's Encrypt's unfinished translations) no language reads.
    everyown = bool(langdirs) and len(langdirs) == len(lower.get('languages') or {})
    cd = str(lower.get('contentdir') or '').strip('/')
    if cd.startswith('content/'):
        langdirs.setdefault(cd[len('content/'):], '')  # the default language's: the site's contentDir
    root = os.path.join(src, 'content')
    for mount in ((lower.get('module') or {}).get('mounts') or []):
        if str(mount.get('target', '')).strip('/') == 'content':
            root = os.path.join(src, str(mount.get('source', 'content')))  # content/en mounted as content
    def render(m):  # the render of build options: 'never', 'always', or None
        for k in ('build', '_build'):
            b = m.get(k) if isinstance(m, dict) else None
            if isinstance(b, dict) and 'render' in b:
                return 'never' if str(b['render']).lower() in ('never', 'false') else 'always'
        return None
    cascaded = {}  # folder: the render its _index.md cascades
    heads = {}  # folder: the headless its _index.md cascades
    ignore = lower.get('ignorefiles') or []
    ignore = [re.compile(x) for x in ([ignore] if isinstance(ignore, str) else ignore)]
    for d, _, files in os.walk(root):
        if '_index.md' in files:
            c = (fm(os.path.join(d, '_index.md')) or {}).get('cascade')
            cascaded[d] = render(c)
            if isinstance(c, dict) and 'headless' in c:
                heads[d] = bool(c['headless'])
        seen = set()  # the index files of a bundle: Hugo publishes the first by name
        for f in sorted(files):
            stem, ext = os.path.splitext(f)
            if ext not in ('.md', '.markdown', '.html') or f == '_index.md' and d == root: continue
            if any(x.search(os.path.join(d, f)) for x in ignore): continue
            rel = os.path.relpath(os.path.join(d, f), root)
            meta = fm(os.path.join(d, f))
            if isinstance(meta, dict):
                meta = {str(k).lower(): v for k, v in meta.items()}  # Hugo reads keys in any case
            if meta is None and ext != '.html':
                meta = {}  # Markdown without front matter: a page too
            if meta is None and stem not in ('index',) and not os.path.exists(os.path.join(d, 'index.md')):
                meta = {}  # HTML without front matter outside a leaf bundle: published as it is, at a page's address
            if meta is None or meta.get('draft') and not lower.get('builddrafts'): continue
            if stem in ('index', '_index'):
                if stem in seen: continue
                seen.add(stem)
            r, up = render(meta), d
            while r is None and up.startswith(root):  # the nearest cascade
                r, up = cascaded.get(up), os.path.dirname(up)
            if r == 'never':
                continue  # Hugo published no page of it
            if stem == 'index':
                h, up = meta.get('headless'), d
                while h is None and up.startswith(root):
                    h, up = heads.get(up), os.path.dirname(up)
                if h:
                    continue  # a headless bundle: its files, no page
            exp = {k.lower(): v for k, v in meta.items()}.get('expirydate')
            if exp and (date_of(exp, '') or datetime.datetime.max) < datetime.datetime.now():
                continue  # expired: Hugo leaves it out
            lang = ''
            top, _, rest = rel.partition('/')
            if top in langdirs and rest:
                rel, lang = rest, langdirs[top]
            elif everyown:
                continue
            if rel in ('_index.md',):
                if lang: yield rel, lang + '/'  # another language's home page, /es/
                continue  # the home page
            dirs, name = os.path.split(rel)
            name = os.path.splitext(name)[0]
            if '.' in name and name.rsplit('.', 1)[1].lower() in langs:
                # A translation by file name, index.fr.md: under /fr/.
                name, code = name.rsplit('.', 1)
                lang = '' if code.lower() == default else '/' + code.lower()
            if name in ('index', '_index'):
                dirs, name = os.path.split(dirs)
                if f.startswith('_index.'):
                    # Hugo keeps letters, digits and ./_-~+#@% of a path.
                    p = re.sub(r'[^\w./~+#@%-]', '', os.path.join(dirs, name).lower().replace(' ', '-'))
                    yield rel, re.sub('/+', '/', lang + '/' + p + '/'); continue
            if meta.get('url'):
                yield rel, (lang if multihost else '') + meta['url']; continue
            section = dirs.split('/')[0] if dirs else ''
            slug = str(meta.get('slug') or '')
            m = re.match(r'(\d{4}-\d{2}-\d{2})-(.+)$', name)
            if not slug and filename_dates and m and valid_date(m[1]):
                # Dated by its name first (frontmatter: {date:
                # [":filename", ...]}): Hugo takes the rest for a slug.
                slug = m[2]
            lpl = langpl.get(lang, pl)
            if section in lpl:
                dt = date_of(meta.get('date'), name)
                if dt is None:
                    print('no date', rel); continue
                u = lpl[section]
                for k, v in (('slugorcontentbasename', slug or name), ('slugorfilename', slug or name), ('contentbasename', name),
                             ('year', '%04d' % dt.year), ('month', '%02d' % dt.month), ('day', '%02d' % dt.day),
                             ('sections', dirs), ('section', section), ('slug', re.sub(r'\s+', '-', re.sub(r'\s+(?=-)|(?<=-)\s+', '', slug or str(meta.get('title', '')).lower()))),
                             ('filename', name)):
                    u = u.replace(':' + k, v)
                # Hugo keeps letters, digits and ./_-~+#@% of a path, a
                # space one hyphen, none beside another.
                u = re.sub(r'(?<=[\w.~+#@%])\s+(?=[\w.~+#@%])', '-', u.lower().strip())
                yield rel, lang + plain(re.sub(r'[^\w./~+#@%-]', '', u))
            else:
                yield rel, lang + plain('/' + os.path.join(dirs, slug or name).lower().replace(' ', '-') + '/')

def default_permalink(conf, rel, typ):
    # The permalink the config's defaults: give the file rel of a type
    # (posts, a collection's name): of those whose scope holds it, the
    # longest path, then one with a type, then the last; None if none.
    best, out = -1, None
    for d in conf.get('defaults') or []:
        scope, values = d.get('scope') or {}, d.get('values') or {}
        p = str(scope.get('path') or '').strip('/')
        if 'permalink' not in values or p and rel != p and not rel.startswith(p + '/'): continue
        if scope.get('type') and scope['type'] != typ: continue
        score = 2 * len(p) + (1 if scope.get('type') else 0)
        if score >= best: best, out = score, str(values['permalink'])
    return out

def jekyll(src):
    conf = yaml.safe_load(open(os.path.join(src, '_config.yml'))) or {}
    style = conf.get('permalink') or 'date'
    cs = conf.get('collections')
    if isinstance(cs, dict) and (cs.get('posts') or {}).get('permalink'):
        style = cs['posts']['permalink']  # the posts' own, set as a collection's
    pattern = {'date': '/:categories/:year/:month/:day/:title:output_ext', 'pretty': '/:categories/:year/:month/:day/:title/',
               'none': '/:categories/:title:output_ext', 'ordinal': '/:categories/:year/:y_day/:title:output_ext'}.get(style, style)
    for d, _, files in os.walk(src):
        if '/_posts/' not in d + '/': continue  # _posts_en/ is a collection's, not posts
        if any(x.startswith('.') for x in os.path.relpath(d, src).split(os.sep)):
            continue  # Jekyll's glob of _posts, **/*, enters no hidden folder (.ipynb_checkpoints)
        for f in files:
            if not re.search(r'\.(md|markdown)$', f): continue
            meta = fm(os.path.join(d, f))
            if meta is None: meta = {}  # a post without front matter is published too
            if meta.get('published') is False: continue
            m = re.match(r'(\d{4}-\d{1,2}-\d{1,2})-(.*)\.(md|markdown)$', f)
            if not m: continue
            dt = date_of(meta.get('date'), f)
            if dt and dt.replace(tzinfo=None) > datetime.datetime.now() and not conf.get('future'):
                continue  # Jekyll leaves a post dated in the future out
            cats = meta.get('categories') or meta.get('category') or []
            if isinstance(cats, str): cats = cats.split()
            pre = os.path.relpath(d, src).split('_posts')[0].strip('/')
            cats = ([pre] if pre else []) + [str(c).lower() for c in cats]
            # A permalink in front matter is an address, escaped; Jekyll
            # writes the file at its unescaped path.
            rel = os.path.relpath(os.path.join(d, f), src)
            u = urllib.parse.unquote(meta['permalink']) if meta.get('permalink') else default_permalink(conf, rel, 'posts') or pattern
            for k, v in (('categories', '/'.join(dict.fromkeys(cats))), ('year', '%04d' % dt.year), ('month', '%02d' % dt.month),
                         ('day', '%02d' % dt.day), ('y_day', '%03d' % dt.timetuple().tm_yday), ('title', re.sub(r'\s+', '-', str(meta.get('slug') or m[2]))),
                         ('output_ext', '.html')):
                u = u.replace(':' + k, v)
            yield rel, re.sub('/+', '/', '/' + u)
    yield from jekyll_pages(src, conf, conf.get('permalink') or 'date')

def listpage(src, path, meta):
    # A page with no text of its own whose layout makes a list with a
    # Liquid loop (a tag's page): a template, which plotline makes itself.
    body = re.sub(r'^\s*(---|\+\+\+).*?\n(---|\.\.\.)[ \t]*(\n|$)', '', open(path, encoding='utf-8').read(), count=1, flags=re.S)
    layout = str(meta.get('layout') or '')
    if body.strip() or not layout:
        return False
    for ext in ('.html', '.md', '.markdown'):
        p = os.path.join(src, '_layouts', layout + ext)
        if os.path.exists(p):
            return re.search(r'\{%-?\s*for\s', open(p, encoding='utf-8').read()) is not None
    return False

def htmlpage(path):
    # A page written in HTML with front matter and no Liquid in its
    # text: its layout framed it; one with Liquid is a template.
    # A whole document (layout: null, or a doctype) is a file, not a page.
    s = open(path, encoding='utf-8').read()
    m = re.match(r'^---\s*\n(.*?)\n?---[ \t]*(\n|$)', s, re.S)
    if m is None: return False
    body, meta = s[m.end():], yaml.safe_load(m.group(1)) or {}
    if not isinstance(meta, dict) or ('layout' in meta and str(meta['layout'] or 'none').lower() in ('none', 'null', '')):
        return False
    if re.match(r'\s*<(!doctype|html)', body, re.I): return False
    return body.strip() != '' and '{{' not in body and '{%' not in body

def suffix(style):
    # How Jekyll ends a page's or a document's default address: as the
    # site's permalink style ends its own.
    if style in ('pretty',) or style.endswith('/'): return '/'
    if style in ('date', 'none', 'ordinal') or style.endswith(':output_ext'): return ':output_ext'
    return ''

def jekyll_pages(src, conf, style):
    # The Markdown pages (front matter, outside folders starting with _)
    # and the documents of the collections with output.
    colls = {}
    cs = conf.get('collections') or {}
    if isinstance(cs, list): cs = {c: {} for c in cs}
    cdir = str(conf.get('collections_dir') or '').strip('/')
    for name, c in cs.items():
        c = c or {}
        if name == 'posts' or not c.get('output'): continue
        pl = c.get('permalink') or '/:collection/:path' + suffix(style)
        pl = {'pretty': '/:collection/:path/', 'date': '/:collection/:path:output_ext'}.get(pl, pl)
        colls[os.path.join(cdir, '_' + name)] = (name, pl)
    excl = [str(e).strip('/') for e in conf.get('exclude') or []]
    incl = [str(e).strip('/') for e in conf.get('include') or []]  # _pages, read though it starts with _
    for d, dirs, files in os.walk(src):
        reld = os.path.relpath(d, src)
        reld = '' if reld == '.' else reld
        coll = next((k for k in colls if reld == k or reld.startswith(k + '/')), None)
        dirs[:] = [x for x in dirs if not x.startswith('.') and x != 'node_modules' and x != 'vendor'
                   and (not x.startswith('_') or os.path.join(reld, x) in colls or coll or os.path.join(reld, x) in incl or x in incl)
                   and not any(os.path.join(reld, x) == e or os.path.join(reld, x).startswith(e + '/') for e in excl)]
        for f in files:
            m = re.match(r'(.*)\.(md|markdown|html)$', f)
            rel = os.path.join(reld, f)
            if not m or f.startswith('_') or any(rel == e or rel.startswith(e + '/') for e in excl): continue
            if m[2] == 'html' and (coll or not htmlpage(os.path.join(d, f))): continue
            meta = fm(os.path.join(d, f))
            if meta is None or meta.get('published') is False: continue
            if not coll and listpage(src, os.path.join(d, f), meta):
                continue  # a tag's page and the like: its layout made all of it, a template
            if meta.get('permalink'):
                u = urllib.parse.unquote(str(meta['permalink']))
            elif coll:
                name, u = colls[coll]
                u = default_permalink(conf, rel, name) or u
                path = os.path.relpath(os.path.join(d, m[1]), os.path.join(src, coll))
                # A document named with a date, as a post is: its :title
                # is the rest of the name, and the date fills :year.
                dated = re.match(r'\d{2,4}-\d{1,2}-\d{1,2}-(.*)$', m[1])
                dt = date_of(meta.get('date'), f) or datetime.datetime(1970, 1, 1)
                for k, v in (('collection', name), ('path', path), ('name', m[1].lower()),
                             ('title', str(meta.get('slug') or (dated[1] if dated else m[1]))),
                             ('year', '%04d' % dt.year), ('month', '%02d' % dt.month), ('day', '%02d' % dt.day),
                             ('output_ext', '.html')):
                    u = u.replace(':' + k, v)
            elif reld == '' and m[1] in ('index', '404'):
                continue  # the home page, the page of missing pages
            elif m[1] == 'index':
                u = '/' + reld + '/'
            else:
                u = '/' + os.path.join(reld, m[1]) + suffix(style).replace(':output_ext', '.html')
            yield rel, re.sub('/+', '/', '/' + u)

def polyglot(src):
    # jekyll-polyglot builds the site once for each language: the
    # default's at the root; each other's under /LANG/, where a page is
    # its translation (front matter lang) or else, as a fallback, the
    # default language's page of the same address or page_id.
    conf = yaml.safe_load(open(os.path.join(src, '_config.yml'))) or {}
    langs = [str(l) for l in conf.get('languages') or []]
    if 'jekyll-polyglot' not in (conf.get('plugins') or conf.get('gems') or []) or not langs:
        yield from jekyll(src)
        return
    default = str(conf.get('default_lang') or 'en')
    others = [l for l in langs if l.lower() != default.lower()]
    seg = re.compile('[/.](?:' + '|'.join(map(re.escape, others)) + ')[/.]')
    excl = [str(e).strip('/') for e in conf.get('exclude_from_localization') or []]
    pages, have = [], set()
    for rel, u in jekyll(src):
        meta = fm(os.path.join(src, rel)) or {}
        lang = str(meta.get('lang') or default)
        lang = next((l for l in langs if l.lower() == lang.lower()), None)
        if lang is None: continue  # a language polyglot is not set for: no page
        plain = seg.sub('/', u)
        pid = str(meta.get('page_id') or plain)
        have.add((lang, pid)); pages.append((rel, plain, lang, pid))
    for rel, plain, lang, pid in pages:
        if lang.lower() != default.lower():
            yield rel, '/' + lang + plain
            continue
        yield rel, plain
        if any(rel == e or rel.startswith(e + '/') for e in excl): continue
        for l in others:
            if (l, pid) not in have: yield rel, '/' + l + plain

kind, src, public = sys.argv[1:4]
ok = redirect = missing = 0
for rel, u in (hugo if kind == 'hugo' else polyglot)(src):
    p = os.path.join(public, u.strip('/'))
    if not u.endswith('.html') and not u.endswith('.xml'): p = os.path.join(p, 'index.html')
    if not os.path.exists(p):
        missing += 1; print('missing', u, rel); continue
    if 'http-equiv="refresh"' in open(p, encoding='utf-8').read(): redirect += 1
    else: ok += 1
print(f'{ok + redirect + missing} old URLs: {ok} pages, {redirect} redirects, {missing} missing')
