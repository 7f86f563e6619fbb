/*
 * charts.js turns each static chart figure into a live ECharts chart.
 *
 * Every <div class="chart-live" data-chart-option="ID-option"> names a
 * <script type="application/json" id="ID-option"> holding the chart's
 * ECharts option. The script shows the live chart, hides the figure's
 * static SVG, adds the tooltip (every shown string escaped), follows the
 * element's size and the colour scheme. Without ECharts, or when the
 * option cannot be read, the static SVG stays. Printing shows the static
 * SVG through CSS. Nothing is added to the global scope.
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

  // formatDate writes "15 Apr 2025" for "2025-04-15" or a time in ms.
  function formatDate(v) {
    var m = typeof v === 'string' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) {
      return Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1];
    }
    var d = new Date(v);
    if (isNaN(d.getTime())) {
      return String(v);
    }
    return d.getDate() + ' ' + MONTHS[d.getMonth()] + ' ' + d.getFullYear();
  }

  // formatNumber writes 12000 as "12,000", with fewer decimals the larger
  // the number, as the static chart does.
  function formatNumber(v) {
    var n = Number(v);
    if (!isFinite(n)) {
      return String(v);
    }
    var a = Math.abs(n);
    var digits = a >= 100 ? 0 : a >= 1 ? 1 : 2;
    return n.toLocaleString('en-GB', { maximumFractionDigits: digits });
  }

  function valueOf(p) {
    var v = p.value;
    return Array.isArray(v) ? v[1] : v;
  }

  function isWebURL(s) {
    return typeof s === 'string' && /^https?:\/\//i.test(s);
  }

  // tooltipFormatter returns the formatter of an axis tooltip. Every piece
  // of text from the option passes through esc before it is shown.
  function tooltipFormatter(unit) {
    var suffix = unit ? ' ' + unit : '';
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
        if (p.seriesId === 'observed') {
          observed.push(p);
        } else {
          byId[p.seriesId] = p;
        }
      });
      var first = params[0];
      var date = Array.isArray(first.value) ? first.value[0] : first.axisValue;
      lines.push('<strong>' + esc(formatDate(date)) + '</strong>');
      observed.forEach(function (p) {
        var d = p.data || {};
        var line = p.marker + esc(formatNumber(valueOf(p)) + suffix);
        if (d.label) {
          line += ' \u2014 ' + esc(d.label);
        }
        if (d.source && d.source !== d.label) {
          line += '<br><small>' + esc(isWebURL(d.source) ? d.source.replace(/^https?:\/\//i, '') : d.source) + '</small>';
        }
        lines.push(line);
      });
      if (byId.central) {
        lines.push(byId.central.marker + esc('Central projection: ' + formatNumber(valueOf(byId.central)) + suffix));
      }
      if (byId.low && byId.band) {
        var low = Number(valueOf(byId.low));
        var high = low + Number(valueOf(byId.band));
        lines.push(byId.band.marker + esc('Range: ' + formatNumber(low) + '\u2013' + formatNumber(high) + suffix));
      } else if (byId.low) {
        lines.push(byId.low.marker + esc('Low scenario: ' + formatNumber(valueOf(byId.low)) + suffix));
      } else if (byId.high) {
        lines.push(byId.high.marker + esc('High scenario: ' + formatNumber(valueOf(byId.high)) + suffix));
      }
      return lines.join('<br>');
    };
  }

  // applyColours replaces the option's colours with the theme's
  // --pl-chart-* custom properties, where the page sets them, so the live
  // chart follows light and dark mode like the static one. It also draws
  // the observations above the projection's band.
  function applyColours(option, figure) {
    var style = window.getComputedStyle(figure);
    function prop(name) {
      return style.getPropertyValue(name).trim();
    }
    var observed = prop('--pl-chart-observed');
    var projection = prop('--pl-chart-projection');
    var limit = prop('--pl-chart-limit');
    var text = prop('--pl-chart-text');
    (option.series || []).forEach(function (s) {
      var colour = s.id === 'observed' ? observed : projection;
      if (s.id === 'observed') {
        s.z = 5;
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
      }
      if (s.markLine) {
        if (limit && s.markLine.lineStyle) {
          s.markLine.lineStyle.color = limit;
        }
        (s.markLine.data || []).forEach(function (d) {
          // The crossing line (on the x axis) has a style of its own.
          if (d && d.xAxis !== undefined && d.lineStyle && projection) {
            d.lineStyle.color = projection;
          }
        });
        if (text) {
          s.markLine.label = s.markLine.label || {};
          s.markLine.label.color = text;
        }
      }
      if (s.markArea && text) {
        s.markArea.label = s.markArea.label || {};
        s.markArea.label.color = text;
      }
    });
  }

  function setup(el) {
    var script = document.getElementById(el.getAttribute('data-chart-option'));
    if (!script) {
      return;
    }
    var text = script.textContent;
    try {
      JSON.parse(text);
    } catch (e) {
      return;
    }
    var figure = el.closest('figure') || el.parentNode;
    var staticChart = figure.querySelector('.chart-static');
    el.hidden = false;
    // ECharts labels the container with the chart's description; as an
    // image, it is announced as one.
    el.setAttribute('role', 'img');
    if (staticChart) {
      staticChart.hidden = true;
    }

    var chart = null;
    function init() {
      if (chart) {
        chart.dispose();
      }
      var option = JSON.parse(text);
      var yAxis = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
      option.tooltip = option.tooltip || {};
      option.tooltip.formatter = tooltipFormatter(yAxis && yAxis.name);
      option.backgroundColor = 'transparent';
      if (reducedMotion && reducedMotion.matches) {
        option.animation = false;
      }
      applyColours(option, figure);
      var dark = !!(darkScheme && darkScheme.matches);
      chart = echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
      chart.setOption(option);
    }
    init();

    if (typeof window.ResizeObserver === 'function') {
      new window.ResizeObserver(function () {
        if (chart) {
          chart.resize();
        }
      }).observe(el);
    } else {
      window.addEventListener('resize', function () {
        if (chart) {
          chart.resize();
        }
      });
    }
    if (darkScheme) {
      if (darkScheme.addEventListener) {
        darkScheme.addEventListener('change', init);
      } else if (darkScheme.addListener) {
        darkScheme.addListener(init);
      }
    }
  }

  Array.prototype.forEach.call(live, setup);
})();
