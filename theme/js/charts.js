/*
 * charts.js turns each static chart figure into a live ECharts chart.
 *
 * Every <div class="chart-live" data-chart-option="ID-option"> names a
 * <script type="application/json" id="ID-option"> holding the chart's
 * option: {option, frames, unit}. The option holds what every frame shares
 * (unit is the one its blocks share, in full, for the tooltip); each
 * frame (wide, narrow) has a size, the part of the option laid out for it
 * (margins, ticks, legend rows, labels), the texts of its time axis and
 * those of the legend's names it shortened.
 * The style sheet says which frame the figure's width calls for, through
 * the custom property --plc-frame of the element around the live chart;
 * the chart is drawn at its frame's size and scaled to the figure's width,
 * as the static SVG of the same frame is, so both show the same layout.
 *
 * The page's chart loader (templates/partials/chart-loader.html) fetches
 * ECharts and this script when a chart first comes near the screen. The
 * script then draws each chart as it comes within 300 pixels of the
 * screen: it shows the live chart, hides the static SVGs, adds the tooltip
 * (every shown string escaped; Escape hides it; the arrow keys move it
 * over a chart that has the focus), follows the figure's width
 * and the colour scheme. Without ECharts, when the option cannot be read,
 * or when the chart fails to draw, the static SVG stays. A stylesheet that loads later, such as an edited one the
 * preview server swaps in, draws each chart again in its colours.
 * Printing shows the static SVG through CSS. Nothing is added to the
 * global scope.
 */
(function () {
  'use strict';

  var live = document.querySelectorAll('.chart-live[data-chart-option]');
  if (!live.length || typeof window.echarts === 'undefined') {
    return;
  }
  var echarts = window.echarts;
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function media(query) {
    return window.matchMedia ? window.matchMedia(query) : null;
  }
  var darkScheme = media('(prefers-color-scheme: dark)');
  var reducedMotion = media('(prefers-reduced-motion: reduce)');

  function esc(s) {
    return echarts.format.encodeHTML(s == null ? '' : String(s));
  }

  // utcTime reads a date of the option, "2025-04-15" or "2025-04-15T06:00"
  // (seconds too), as its time in ms on UTC's clock, and returns anything
  // else as it is. The chart draws on that clock (useUTC), so that a date
  // and an hour of the data stand where the static chart puts them in
  // every time zone: read on the reader's clock, 02:30 on the morning
  // clocks go forward would be 03:30, one place with the reading after it.
  function utcTime(v) {
    var m = typeof v === 'string' && /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
    if (!m) {
      return v;
    }
    var d = new Date(0);
    d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    d.setUTCHours(Number(m[4] || 0), Number(m[5] || 0), Number(m[6] || 0), 0);
    return d.getTime();
  }

  // inUTC turns the dates of option and of its frame's option into times
  // on UTC's clock (utcTime): the time axis's ends, the series' points,
  // the marked lines and area, and the ticks and labels of the frame.
  function inUTC(option, frameOption) {
    option.useUTC = true;
    (option.xAxis || []).forEach(function (a) {
      a.min = utcTime(a.min);
      a.max = utcTime(a.max);
    });
    (option.series || []).forEach(function (s) {
      (s.data || []).forEach(function (d) {
        if (d && Array.isArray(d.value)) {
          d.value[0] = utcTime(d.value[0]);
        }
      });
      [s.markLine, s.markArea].forEach(function (mark) {
        (mark && mark.data || []).forEach(function (d) {
          [].concat(d).forEach(function (e) {
            if (e && e.xAxis != null) {
              e.xAxis = utcTime(e.xAxis);
            }
          });
        });
      });
    });
    (frameOption.xAxis || []).forEach(function (a) {
      [a.axisLabel, a.axisTick].forEach(function (x) {
        if (x && x.customValues) {
          x.customValues = x.customValues.map(utcTime);
        }
      });
    });
  }

  // formatDate writes "15 Apr 2025" for "2025-04-15" or a time in ms on
  // UTC's clock, and "15 Apr 2025 06:00" for "2025-04-15T06:00", an
  // observation's time of day, as the static chart does; in the site's
  // language when loc, the option's locale, is given: "15. Apr. 2025".
  // Of a chart whose observations were written as months or years (grain,
  // "month" or "year"), a date on the first day of one is written as that
  // month, "Jun 2024", or year, "1959", as the table writes it.
  function formatDate(v, loc, timed, grain) {
    var y, mo, d, clock;
    var m = typeof v === 'string' && /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?$/.exec(v);
    if (m) {
      y = Number(m[1]);
      mo = Number(m[2]);
      d = Number(m[3]);
      clock = m[4] || '';
    } else {
      var t = new Date(v);
      if (isNaN(t.getTime())) {
        return String(v);
      }
      var two = function (n) {
        return (n < 10 ? '0' : '') + n;
      };
      clock = '';
      if (t.getUTCHours() || t.getUTCMinutes() || t.getUTCSeconds()) {
        clock = two(t.getUTCHours()) + ':' + two(t.getUTCMinutes()) + (t.getUTCSeconds() ? ':' + two(t.getUTCSeconds()) : '');
      }
      y = t.getUTCFullYear();
      mo = t.getUTCMonth() + 1;
      d = t.getUTCDate();
    }
    // A month or a year stays one beside readings at other hours; a
    // day's midnight among them shows its time.
    var midnight = !clock;
    if (timed && !clock) {
      clock = '00:00'; // a midnight among readings at other hours
    }
    // English writes a year with four digits at least, as Go's 2006
    // does on the static chart: 0050, not 50.
    var year = y >= 0 && y < 1000 ? ('000' + y).slice(-4) : String(y);
    var pattern = loc ? loc.date : null;
    if (grain && d === 1 && midnight) {
      if (grain === 'year' && mo === 1) {
        return loc ? localDigits(String(y), loc) : year;
      }
      if (!loc) {
        return MONTHS[mo - 1] + ' ' + year;
      }
      pattern = loc.monthYear;
    }
    if (!loc) {
      return d + ' ' + MONTHS[mo - 1] + ' ' + year + (clock ? ' ' + clock : '');
    }
    return pattern.map(function (part) {
      switch (part) {
        case '{d}': return localDigits(String(d), loc);
        case '{dd}': return localDigits((d < 10 ? '0' : '') + d, loc);
        case '{MMM}': return loc.months[mo - 1];
        case '{M}': return localDigits(String(mo), loc);
        case '{MM}': return localDigits((mo < 10 ? '0' : '') + mo, loc);
        case '{y}': return localDigits(String(y), loc);
      }
      if (loc.monthNames && loc.monthNames[part]) {
        return loc.monthNames[part][mo - 1];
      }
      return part;
    }).join('').trim() + (clock ? ' ' + localDigits(clock, loc) : '');
  }

  // localDigits writes the ASCII digits of s in the digits of loc.
  function localDigits(s, loc) {
    var zero = loc.zero.charCodeAt(0);
    if (zero === 48) {
      return s;
    }
    return s.replace(/[0-9]/g, function (c) {
      return String.fromCharCode(zero + c.charCodeAt(0) - 48);
    });
  }

  // localNumber writes s, a number written in English ("-12,345.6"), as
  // loc, the option's locale, writes it ("-12.345,6"): its groups (when
  // compact, from five digits on, as CLDR's compact numbers are), its
  // decimal mark, its digits and minus sign. Without loc, s is English.
  function localNumber(s, loc, compact) {
    var m = loc && /^(-?)([\d,]+)(?:\.(\d+))?$/.exec(s);
    if (!m) {
      return s;
    }
    var whole = m[2].replace(/,/g, '');
    // As CLDR's minimum grouping digits ask: Spanish writes 1234.
    var grouped = loc.group && whole.length >= loc.primary + Math.max(loc.minGrouping || 1, compact ? 2 : 1);
    var out = '';
    for (var i = 0; i < whole.length; i++) {
      var left = whole.length - i;
      if (i > 0 && grouped && loc.primary > 0 &&
          (left === loc.primary || (left > loc.primary && loc.secondary > 0 && (left - loc.primary) % loc.secondary === 0))) {
        out += loc.group;
      }
      out += whole.charAt(i);
    }
    if (m[3]) {
      out += loc.decimal + m[3];
    }
    out = localDigits(out, loc);
    return m[1] ? loc.minus[0] + out + loc.minus[1] : out;
  }

  // formatNumber writes a computed number (a projected value) as the
  // static chart does: 12000 as "12,000", whole numbers from 100 up and
  // three significant figures below (92.3, 0.456, 0.0526), but with at
  // least places decimals, those of the projection's start, in the
  // language of loc.
  function formatNumber(v, loc, places) {
    var n = Number(v);
    if (!isFinite(n)) {
      return String(v);
    }
    var a = Math.abs(n);
    var digits = a >= 100 || a === 0 ? 0 : Math.min(2 - Math.floor(Math.log10(a) + 1e-12), 20);
    return formatFixed(n, Math.min(Math.max(digits, places || 0, 0), 20), loc);
  }

  // tickFormatter returns the formatter of a value axis whose ticks are
  // step apart: each tick with the decimals the step needs, as the static
  // chart writes them (0.1 and 0.125 for a step of 0.025), in the
  // language of loc; with scale, the option's tickScale, in millions,
  // billions or trillions, as "130m", and 0 as "0".
  function tickFormatter(step, loc, scale, compact) {
    if (scale && scale.size > 0) {
      var inScale = tickFormatter(step / scale.size, loc, null, scale.compact);
      return function (v) {
        var s = inScale(Number(v) / scale.size);
        return s === formatFixed(0, 0, loc) ? s : (scale.prefix || '') + s + scale.suffix;
      };
    }
    var digits = 0;
    while (digits < 20 && step > 0) {
      var x = step * Math.pow(10, digits);
      if (Math.abs(x - Math.round(x)) <= 1e-9 * x) {
        break;
      }
      digits++;
    }
    return function (v) {
      return formatFixed(Number(v), digits, loc, compact);
    };
  }

  // formatFixed writes n with at most digits decimals, rounded as the
  // number is written, halves away from zero (2.675 is 2.68 at two
  // decimals, not the 2.67 of its binary value), thousands grouped as
  // localNumber groups them, in the language of loc.
  function formatFixed(n, digits, loc, compact) {
    if (!isFinite(n)) {
      return String(n);
    }
    var a = Math.abs(n);
    var shifted = Number(String(a) + 'e' + digits);
    if (isFinite(shifted)) {
      a = Number(Math.round(shifted) + 'e-' + digits);
    }
    return localNumber((n < 0 && a !== 0 ? -a : a).toLocaleString('en-GB', { maximumFractionDigits: digits }), loc, compact);
  }

  // formatWritten writes a number the writer gave, an observation, as the
  // page's text, table and static chart do: with every decimal it was
  // written with, thousands grouped ("12,000.5", "0.0049"), and at least
  // places decimals when it was written with more than its shortest form
  // has ("2.50"), in the language of loc.
  function formatWritten(v, places, loc) {
    var n = Number(v);
    if (!isFinite(n)) {
      return String(v);
    }
    var s = places > 0 ? Math.abs(n).toFixed(places) : plainDigits(Math.abs(n));
    var parts = s.split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return localNumber((n < 0 ? '-' : '') + whole + (parts.length > 1 ? '.' + parts[1] : ''), loc);
  }

  // plainDigits writes a, a number from 0 up, in its shortest decimal
  // form without an exponent, as Go's strconv writes it with 'f' and -1:
  // 1e-21 is "0.000000000000000000001" (toLocaleString stops at 20
  // decimals, and would write 0).
  function plainDigits(a) {
    var s = String(a);
    var m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
    if (!m) {
      return s;
    }
    var digits = m[1] + (m[2] || '');
    var exp = Number(m[3]);
    if (exp < 0) {
      return '0.' + new Array(-exp).join('0') + digits;
    }
    return digits + new Array(exp - digits.length + 2).join('0');
  }

  // formatProjected writes v, a value of a projected line whose point
  // data d is: as written on the projection's start (d.written), where it
  // is the start value the writer gave, and as a computed number elsewhere,
  // with at least the start's decimals (d.places).
  function formatProjected(v, d, loc) {
    return d && d.written ? formatWritten(v, d.places || 0, loc) : formatNumber(v, loc, d && d.places);
  }

  function valueOf(p) {
    var v = p.value;
    return Array.isArray(v) ? v[1] : v;
  }

  function isWebURL(s) {
    return typeof s === 'string' && /^https?:\/\//i.test(s);
  }

  // shortURL writes a web address as the page's table does: as written,
  // without its scheme, a leading "www." and a trailing slash.
  function shortURL(s) {
    return s.trim().replace(/^https?:\/\//i, '').replace(/^www\./, '').replace(/\/$/, '');
  }

  function isObserved(id) {
    return typeof id === 'string' && id.indexOf('observed') === 0;
  }

  // tooltipFormatter returns the formatter of an axis tooltip: unit is the
  // chart's, units the own unit of each observed series that has one, by
  // series id (in a chart of blocks whose units differ). Every piece of
  // text from the option passes through esc before it is shown. loc is
  // the option's locale: numbers and dates in the site's language; words
  // the option's words, absent for English; timed and grain say how its
  // dates are written (formatDate), and grains the grain of each observed
  // series written to another, by series id ('' for days). The chart is laid out from
  // left to right on every page, so each line takes the direction of its
  // first letter ("1 בינו׳ 2025" and "120 מ״ק" read from the right, as on
  // the page), and a value or name after a word is isolated from it, so
  // that "Central projection: 120 מ״ק" keeps each in its own order.
  function tooltipFormatter(unit, several, units, loc, timed, words, grain, grains) {
    var suffix = unit ? ' ' + unit : '';
    words = words || { central: 'Central projection', range: 'Range', low: 'Low scenario', high: 'High scenario', colon: ': ' };
    return function (params) {
      if (!Array.isArray(params)) {
        params = [params];
      }
      if (!params.length) {
        return '';
      }
      var lines = [];
      var byId = {};
      var observed = [];
      params.forEach(function (p) {
        if (isObserved(p.seriesId)) {
          observed.push(p);
        } else {
          byId[p.seriesId] = p;
        }
      });
      var first = params[0];
      var date = Array.isArray(first.value) ? first.value[0] : first.axisValue;
      // Blocks written to different grains (a year, a month) each
      // have their own: the first names the date, and a block of
      // another grain says its own date by its name.
      var grainOf = function (p) {
        return grains && p.seriesId in grains ? grains[p.seriesId] : grain;
      };
      // A day a scenario reaches the limit is one the projection
      // computes: a day, as the table's row of it, on a first of the
      // month too.
      var headGrain = params.some(function (p) { return p.data && p.data.crossing; }) ? '' : grainOf(first);
      lines.push('<strong>' + esc(formatDate(date, loc, timed, headGrain)) + '</strong>');
      observed.forEach(function (p) {
        var d = p.data || {};
        var own = units[p.seriesId];
        var text = esc(formatWritten(valueOf(p), (p.data && p.data.places) || 0, loc) + (own ? ' ' + own : suffix));
        if (several) {
          var name = p.seriesName;
          if (grainOf(p) !== headGrain && Array.isArray(p.value)) {
            name += ' (' + formatDate(p.value[0], loc, timed, grainOf(p)) + ')';
          }
          text = esc(name + ': ') + isolate(text);
        }
        var line = marker(p) + text;
        if (d.name) {
          line += ' \u2014 ' + isolate(esc(d.name));
        }
        if (d.source && d.source !== d.name) {
          line += '<br><small>' + isolate(esc(isWebURL(d.source) ? shortURL(d.source) : d.source)) + '</small>';
        }
        lines.push(line);
      });
      // Past until the central line goes on, thinner, to its crossing
      // as the series "central-beyond".
      var central = byId.central || byId['central-beyond'];
      if (central) {
        lines.push(marker(central) + esc(words.central + words.colon) + isolate(esc(formatProjected(valueOf(central), central.data, loc) + suffix)));
      }
      var width = byId.band ? Number(valueOf(byId.band)) : NaN;
      if (byId.low && width === 0) {
        // On the start the band has no width yet: its two ends are the
        // central line's value, which a "Range: 800.5–800.5" would only
        // repeat.
      } else if (byId.low && byId.band) {
        var low = Number(valueOf(byId.low));
        var high = low + width;
        // An upper end on the floor or the ceiling is written as the
        // writer wrote it, as the band's point says.
        lines.push(marker(byId.band) + esc(words.range + words.colon) + isolate(esc(formatProjected(low, byId.low.data, loc) + '\u2013' + formatProjected(high, byId.band.data, loc) + suffix)));
      } else if (byId.low) {
        lines.push(marker(byId.low) + esc(words.low + words.colon) + isolate(esc(formatProjected(valueOf(byId.low), byId.low.data, loc) + suffix)));
      } else if (byId.high) {
        lines.push(marker(byId.high) + esc(words.high + words.colon) + isolate(esc(formatProjected(valueOf(byId.high), byId.high.data, loc) + suffix)));
      }
      return lines.map(function (line) {
        return '<span dir="auto" style="display:block">' + line + '</span>';
      }).join('');
    };
  }

  // marker returns the coloured dot ECharts makes for p, with its space
  // after it on the side where the line's text goes on: the left of a
  // line read from the right.
  function marker(p) {
    return String(p.marker || '').replace('margin-right:', 'margin-inline-end:');
  }

  // isolate returns html, escaped text, in an element of its own
  // direction, taken from its first letter.
  function isolate(html) {
    return '<bdi>' + html + '</bdi>';
  }

  // applyColours replaces the option's colours with the theme's
  // --pl-chart-* custom properties, where the page sets them, so the live
  // chart follows light and dark mode like the static one: the observed
  // series take --pl-chart-observed and --pl-chart-series-2 on, in order;
  // the shade of the projected period and the grid take
  // --pl-chart-projected and --pl-chart-grid, as the static chart does;
  // the axis lines and ticks take --pl-chart-axis at the static chart's
  // opacity, and the ring around each observation the page's --pl-bg.
  // It also draws the observations above the projection's band.
  function applyColours(option, frameOption, figure) {
    var style = window.getComputedStyle(figure);
    function prop(name) {
      return style.getPropertyValue(name).trim();
    }
    var projection = prop('--pl-chart-projection');
    var limit = prop('--pl-chart-limit');
    var text = prop('--pl-chart-text');
    var axis = prop('--pl-chart-axis');
    var projected = prop('--pl-chart-projected');
    var grid = prop('--pl-chart-grid');
    var bg = prop('--pl-bg');
    var slots = [];
    var slot = 0;
    (option.series || []).forEach(function (s) {
      var colour = projection;
      if (isObserved(s.id)) {
        slot++;
        colour = prop(slot === 1 ? '--pl-chart-observed' : '--pl-chart-series-' + slot);
        slots.push(colour);
        s.z = 5;
        if (bg && s.itemStyle && s.itemStyle.borderColor) {
          s.itemStyle.borderColor = bg;
        }
      } else if (s.id === 'limit') {
        colour = limit;
      } else if (s.id === 'events') {
        colour = axis;
      }
      if (projected && s.markArea && s.markArea.itemStyle) {
        s.markArea.itemStyle.color = projected;
      }
      if (colour) {
        if (s.itemStyle) {
          s.itemStyle.color = colour;
        }
        if (s.lineStyle && s.lineStyle.opacity !== 0) {
          s.lineStyle.color = colour;
        }
        if (s.areaStyle) {
          s.areaStyle.color = colour;
        }
        if (s.markLine && s.markLine.lineStyle) {
          s.markLine.lineStyle.color = colour;
        }
        (s.markLine && s.markLine.data || []).forEach(function (d) {
          if (d && d.lineStyle) {
            d.lineStyle.color = colour;
          }
        });
      }
    });
    (frameOption.graphic || []).forEach(function (g) {
      if (!g.style) {
        return;
      }
      if (g.info === 'observation') {
        var m = /^note-/.test(g.id) && g.slot ? slots[g.slot - 1] : '';
        if (m) {
          g.style.fill = m;
        }
      } else if (text) {
        g.style.fill = text;
      }
    });
    if (text) {
      (frameOption.legend || []).forEach(function (l) {
        l.textStyle = l.textStyle || {};
        l.textStyle.color = text;
      });
      [].concat(frameOption.xAxis || [], frameOption.yAxis || []).forEach(function (a) {
        a.axisLabel = a.axisLabel || {};
        a.axisLabel.color = text;
      });
    }
    if (axis) {
      [].concat(frameOption.xAxis || [], frameOption.yAxis || []).forEach(function (a) {
        ['axisLine', 'axisTick'].forEach(function (part) {
          a[part] = a[part] || {};
          a[part].lineStyle = a[part].lineStyle || {};
          a[part].lineStyle.color = axis;
          a[part].lineStyle.opacity = 0.6;
        });
      });
    }
    if (grid) {
      (frameOption.yAxis || []).forEach(function (a) {
        a.splitLine = a.splitLine || {};
        a.splitLine.lineStyle = a.splitLine.lineStyle || {};
        a.splitLine.lineStyle.color = grid;
      });
    }
  }

  // keyStops returns the dates, in ms on UTC's clock and in order, that
  // the keyboard moves a chart's tooltip to: those of the points of its
  // series, within the time axis, which are where the tooltip settles
  // under the pointer too. option is read after inUTC.
  function keyStops(option) {
    var axis = (option.xAxis || [])[0] || {};
    var seen = {};
    var out = [];
    (option.series || []).forEach(function (s) {
      (s.data || []).forEach(function (d) {
        var v = d && Array.isArray(d.value) ? Number(d.value[0]) : NaN;
        if (isNaN(v) || seen[v] || (typeof axis.min === 'number' && v < axis.min) || (typeof axis.max === 'number' && v > axis.max)) {
          return;
        }
        seen[v] = true;
        out.push(v);
      });
    });
    return out.sort(function (a, b) {
      return a - b;
    });
  }

  // restyles holds the redraw of each chart drawn so far. A stylesheet
  // that loads after a chart was drawn may change its colours or its
  // frame (the preview server swaps an edited one in, with no reload):
  // each chart is drawn again once the old sheet is gone. A link's load
  // event does not bubble, but it passes the document on its way down.
  var restyles = [];
  document.addEventListener('load', function (e) {
    var t = e.target;
    if (t && t.tagName === 'LINK' && /(^|\s)stylesheet(\s|$)/i.test(t.rel || '')) {
      window.setTimeout(function () {
        restyles.forEach(function (redraw) {
          redraw();
        });
      }, 0);
    }
  }, true);

  // chartProps are the custom properties applyColours reads.
  var chartProps = ['--pl-chart-observed', '--pl-chart-series-2', '--pl-chart-series-3',
    '--pl-chart-series-4', '--pl-chart-series-5', '--pl-chart-series-6', '--pl-chart-projection',
    '--pl-chart-limit', '--pl-chart-text', '--pl-chart-axis', '--pl-chart-projected',
    '--pl-chart-grid', '--pl-bg'];

  // colourKey returns the values of chartProps on figure, one string.
  function colourKey(figure) {
    var style = window.getComputedStyle(figure);
    return chartProps.map(function (name) {
      return style.getPropertyValue(name).trim();
    }).join('|');
  }

  // darkPage reports whether the page behind figure is dark, by its
  // --pl-bg (or, without one, the body's background), so that a theme's
  // own switch of light and dark gets ECharts' dark theme (its tooltip)
  // as the system's does; without either, by the system's scheme. The
  // colour is read through an element of its own, without the
  // transitions the page may give the body.
  function darkPage(figure) {
    var bg = window.getComputedStyle(figure).getPropertyValue('--pl-bg').trim() ||
      window.getComputedStyle(document.body).backgroundColor;
    var probe = document.createElement('span');
    probe.style.transition = 'none';
    probe.style.color = bg;
    var m = null;
    if (probe.style.color) {
      document.body.appendChild(probe);
      m = window.getComputedStyle(probe).color.match(/[\d.]+/g);
      probe.parentNode.removeChild(probe);
    }
    if (m && m.length >= 3 && (m.length < 4 || Number(m[3]) > 0)) {
      return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2] < 128;
    }
    return !!(darkScheme && darkScheme.matches);
  }

  // recolours holds, for each chart drawn so far, a function that draws it
  // again when its colours are no longer those it was drawn in. A theme's
  // own switch of light and dark (a class or an attribute set on the html
  // or body element) changes the custom properties, which the static SVG
  // follows at once; the live chart follows once it is drawn again.
  var recolours = [];
  if (typeof window.MutationObserver === 'function') {
    var watch = new window.MutationObserver(function () {
      recolours.forEach(function (recolour) {
        recolour();
      });
    });
    [document.documentElement, document.body].forEach(function (node) {
      if (node) {
        watch.observe(node, {attributes: true});
      }
    });
  }

  function setup(el) {
    if (!el) {
      return;
    }
    var script = document.getElementById(el.getAttribute('data-chart-option'));
    var box = el.parentNode;
    if (!script || !box) {
      return;
    }
    var text = script.textContent;
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (!parsed || !parsed.option || !Array.isArray(parsed.frames) || !parsed.frames.length) {
      return;
    }
    var figure = el.closest('figure') || box.parentNode;
    var staticChart = figure.querySelector('.chart-static');
    box.hidden = false;
    // ECharts labels the container with the chart's description; as an
    // image, it is announced as one.
    el.setAttribute('role', 'img');
    if (staticChart) {
      staticChart.hidden = true;
    }

    var chart = null;
    var current = null;
    var drawnColours = null;
    // stops are the dates the keyboard moves the tooltip to, in ms, in
    // order; at is the one it shows, -1 before the first key.
    var stops = [];
    var at = -1;

    function frameFor() {
      var name = window.getComputedStyle(box).getPropertyValue('--plc-frame').trim() || 'wide';
      for (var i = 0; i < parsed.frames.length; i++) {
        if (parsed.frames[i].name === name) {
          return parsed.frames[i];
        }
      }
      return parsed.frames[0];
    }

    // fit scales the chart, drawn at its frame's size, to the box's width.
    function fit() {
      if (!current) {
        return;
      }
      var scale = box.clientWidth / current.width;
      el.style.transform = 'scale(' + scale + ')';
    }

    // draw draws the chart in the frame its box calls for; again is set
    // when it is drawn anew (its frame changed as the phone turned, or the
    // colour scheme did), which shows at once, without the growing
    // animation of a first drawing, whose first frames would show the
    // band outside the axes of the frame being left.
    function draw(again) {
      if (chart) {
        chart.dispose();
      }
      var data = JSON.parse(text);
      var frame = frameFor();
      current = frame;
      var fd = null;
      for (var i = 0; i < data.frames.length; i++) {
        if (data.frames[i].name === frame.name) {
          fd = data.frames[i];
        }
      }
      var option = data.option;
      var frameOption = fd.option || {};
      var observedCount = (option.series || []).filter(function (s) { return isObserved(s.id); }).length;
      // The unit in full: the label above the plot may be shortened.
      var unit = data.unit || '';
      var units = {};
      var grains = {};
      (option.series || []).forEach(function (s) {
        if (isObserved(s.id) && s.unit) {
          units[s.id] = s.unit;
        }
        if (isObserved(s.id) && s.grain) {
          grains[s.id] = s.grain === 'day' ? '' : s.grain;
        }
      });
      option.tooltip = option.tooltip || {};
      // The site's language, when it is not English.
      var loc = data.locale || null;
      // Whether an observation, or a projection per hour, gives a time
      // of day: then every date of the tooltip shows one, 00:00 at a
      // midnight too, as the table does.
      var timed = (option.series || []).some(function (s) {
        return (s.data || []).some(function (d) {
          return d && Array.isArray(d.value) && typeof d.value[0] === 'string' && d.value[0].indexOf('T') > 0;
        });
      });
      option.tooltip.formatter = tooltipFormatter(unit, observedCount > 1, units, loc, timed, data.words || null, data.grain || '', grains);
      // The chart's box hides what passes its edges: the tooltip stays
      // inside the frame, and a line longer than the frame is wide (an
      // observation's label, a source) wraps rather than pushing the
      // date and the values out of sight.
      option.tooltip.confine = true;
      option.tooltip.extraCssText = 'white-space:normal;overflow-wrap:break-word;max-width:' + (frame.width - 16) + 'px;';
      option.backgroundColor = 'transparent';
      if (again === true || (reducedMotion && reducedMotion.matches)) {
        option.animation = false;
        (option.series || []).forEach(function (s) {
          s.animation = false;
        });
      }
      inUTC(option, frameOption);
      // The time axis's labels, by date.
      var labels = {};
      (fd.xLabels || []).forEach(function (pair) {
        labels[utcTime(pair[0])] = pair[1];
      });
      (frameOption.xAxis || []).forEach(function (a) {
        a.axisLabel = a.axisLabel || {};
        a.axisLabel.formatter = function (v) {
          return labels[v] || '';
        };
      });
      stops = keyStops(option);
      at = Math.min(at, stops.length - 1);
      // The legend's names, as the layout shortened them to the frame.
      var legendText = fd.legendText;
      if (legendText) {
        (frameOption.legend || []).forEach(function (l) {
          l.formatter = function (name) {
            return legendText[name] || name;
          };
        });
      }
      // The value axis's labels, with the decimals of its step.
      var step = ((option.yAxis || [])[0] || {}).interval;
      (frameOption.yAxis || []).forEach(function (a) {
        a.axisLabel = a.axisLabel || {};
        a.axisLabel.formatter = step ? tickFormatter(step, loc, data.tickScale || null) : function (v) {
          return formatNumber(v, loc);
        };
      });
      applyColours(option, frameOption, figure);
      drawnColours = colourKey(figure);
      el.style.width = frame.width + 'px';
      el.style.height = frame.height + 'px';
      el.style.transformOrigin = '0 0';
      fit();
      chart = echarts.init(el, darkPage(figure) ? 'dark' : null, {
        renderer: 'canvas',
        width: frame.width,
        height: frame.height,
        devicePixelRatio: (window.devicePixelRatio || 1) * Math.max(1, box.clientWidth / frame.width)
      });
      chart.setOption(option);
      chart.setOption(frameOption);
    }
    // A chart that cannot be drawn (a browser whose canvas is blocked, an
    // ECharts that fails) gives the reader back the static SVG, rather
    // than an empty box.
    try {
      draw();
    } catch (e) {
      try {
        if (chart) {
          chart.dispose();
        }
      } catch (ignored) {
        // What is left of it is hidden below.
      }
      chart = null;
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      box.hidden = true;
      if (staticChart) {
        staticChart.hidden = false;
      }
      return;
    }

    function redraw() {
      draw(true);
    }

    function recolour() {
      if (colourKey(figure) !== drawnColours) {
        redraw();
      }
    }
    recolours.push(recolour);

    function resized() {
      if (frameFor() !== current) {
        redraw();
      } else {
        fit();
      }
    }
    restyles.push(redraw);
    if (typeof window.ResizeObserver === 'function') {
      new window.ResizeObserver(resized).observe(box);
    } else {
      window.addEventListener('resize', resized);
    }
    if (darkScheme) {
      if (darkScheme.addEventListener) {
        darkScheme.addEventListener('change', redraw);
      } else if (darkScheme.addListener) {
        darkScheme.addListener(redraw);
      }
    }
    // Without a mouse: the live chart takes the focus, and the arrow keys
    // move its tooltip from one of its dates to the next (Home and End to
    // the first and the last), as the pointer does; it shows the first
    // when the chart gets the focus from the keyboard, and goes when the
    // chart loses it.
    el.tabIndex = 0;
    function showAt(i) {
      if (!chart || !stops.length) {
        return;
      }
      at = Math.max(0, Math.min(stops.length - 1, i));
      chart.dispatchAction({
        type: 'showTip',
        x: chart.convertToPixel({ xAxisIndex: 0 }, stops[at]),
        y: current.height / 2
      });
    }
    el.addEventListener('focus', function () {
      var byKeyboard = true;
      try {
        byKeyboard = el.matches(':focus-visible');
      } catch (e) {
        // A browser that does not know the selector.
      }
      if (byKeyboard) {
        showAt(Math.max(at, 0));
      }
    });
    el.addEventListener('blur', function () {
      if (chart) {
        chart.dispatchAction({ type: 'hideTip' });
      }
    });
    el.addEventListener('keydown', function (e) {
      var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: stops.length - 1 }[e.key];
      if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) {
        return;
      }
      e.preventDefault();
      showAt(to);
    });
    // Escape hides the tooltip, which covers part of the chart, with the
    // pointer left where it is; moving the pointer shows it again.
    document.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && chart) {
        chart.dispatchAction({ type: 'hideTip' });
      }
    });
  }

  // Each chart is drawn when it comes near the screen, the way the loader
  // fetched this script; one near already is drawn at once.
  if (typeof window.IntersectionObserver !== 'function') {
    Array.prototype.forEach.call(live, setup);
    return;
  }
  var near = new window.IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        near.unobserve(entry.target);
        setup(entry.target.querySelector('.chart-live[data-chart-option]'));
      }
    });
  }, { rootMargin: '300px 0px' });
  Array.prototype.forEach.call(live, function (el) {
    near.observe(el.closest('figure') || el.parentNode.parentNode);
  });
})();
