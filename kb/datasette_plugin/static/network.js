/* ITP evidence knowledge base: the citation network page (/-/network), drawn with cytoscape.js.
 *
 * Data: /-/network.json (cytoscape.js elements). Every text from the data reaches the page through
 * textContent or cytoscape's canvas labels, never through innerHTML.
 */
(function () {
  "use strict";

  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                 "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39"];
  var NONE = "#b0b7c3";
  var container = document.getElementById("network");
  var status = document.getElementById("network-status");
  var colourSelect = document.getElementById("network-colour");
  var interventionSelect = document.getElementById("network-intervention");
  var legend = document.getElementById("network-legend");
  var details = document.getElementById("network-details");

  function firstValue(value) {
    return (value || "").split("; ")[0];
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function colourMap(nodes, attribute) {
    var values = [];
    nodes.forEach(function (n) {
      var v = firstValue(n.data[attribute]);
      if (v && values.indexOf(v) < 0) { values.push(v); }
    });
    values.sort();
    var map = {};
    values.forEach(function (v, i) { map[v] = PALETTE[i % PALETTE.length]; });
    return map;
  }

  function drawLegend(map, label) {
    legend.replaceChildren();
    var keys = Object.keys(map);
    var entries = keys.length ? keys.map(function (k) { return [k, map[k]]; }) : [];
    entries.push(["no " + label + " yet", NONE]);
    entries.forEach(function (entry) {
      var item = document.createElement("span");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = entry[1];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entry[0]));
      legend.appendChild(item);
    });
  }

  function showDetails(node) {
    details.replaceChildren();
    if (!node) { return; }
    var d = node.data();
    var strong = document.createElement("strong");
    strong.textContent = d.label;
    details.appendChild(strong);
    var parts = [d.title, d.journal, d.year ? String(d.year) : "", d.design,
                 d.intervention_classes, "cited by " + d.times_cited];
    details.appendChild(document.createTextNode(" — " + parts.filter(Boolean).join(" · ")));
  }

  function render(data) {
    var nodes = data.elements.nodes;
    var maxCited = 1;
    nodes.forEach(function (n) { maxCited = Math.max(maxCited, n.data.times_cited); });
    (data.interventions || []).forEach(function (i) {
      var option = document.createElement("option");
      option.value = i.id;
      option.textContent = i.label;
      interventionSelect.appendChild(option);
    });
    interventionSelect.disabled = !(data.interventions || []).length;

    var cy = cytoscape({
      container: container,
      elements: data.elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "label": "data(shown_label)", "font-size": 9, "text-valign": "bottom", "color": "#333",
          "text-wrap": "ellipsis", "text-max-width": 140, "text-background-color": "#fff",
          "text-background-opacity": 0.8, "text-background-padding": 1, "min-zoomed-font-size": 6,
          "background-color": "data(colour)",
          "width": function (n) { return 12 + 40 * Math.sqrt(n.data("times_cited") / maxCited); },
          "height": function (n) { return 12 + 40 * Math.sqrt(n.data("times_cited") / maxCited); }
        } },
        { selector: "node[kind = 'document']", style: { "shape": "round-rectangle", "width": 28,
          "height": 28, "background-color": "#6e7781" } },
        { selector: "edge", style: { "width": 1, "line-color": "#c8ccd2", "target-arrow-color": "#c8ccd2",
          "target-arrow-shape": "triangle", "curve-style": "haystack", "arrow-scale": 0.6 } },
        { selector: ".hidden", style: { "display": "none" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } },
        { selector: "node.hover", style: { "label": "data(label)", "z-index": 99, "font-size": 10 } }
      ],
      layout: { name: nodes.length <= 800 ? "cose" : "concentric", animate: false, randomize: false,
                nodeRepulsion: function () { return 12000; }, idealEdgeLength: function () { return 60; },
                nodeOverlap: 20, padding: 20, spacingFactor: 1.2,
                concentric: function (n) { return n.data("times_cited"); } }
    });

    // Labels that would overlap at the default zoom are not drawn: the most cited works keep theirs, the
    // others show their label on hover and their details below the graph (labels scale with the zoom,
    // so what does not overlap now never does).
    function placeLabels() {
      var kept = [];
      var ordered = cy.nodes().sort(function (a, b) {
        return (b.data("times_cited") - a.data("times_cited")) || (a.id() < b.id() ? -1 : 1);
      });
      cy.batch(function () {
        ordered.forEach(function (n) { n.data("shown_label", n.data("label") || ""); });
      });
      ordered.forEach(function (n) {
        if (!n.data("shown_label")) { return; }
        var box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        var clash = kept.some(function (k) {
          return box.x1 < k.x2 && k.x1 < box.x2 && box.y1 < k.y2 && k.y1 < box.y2;
        });
        if (clash || box.w === 0) { n.data("shown_label", ""); } else { kept.push(box); }
      });
    }
    placeLabels();
    cy.on("mouseover", "node", function (event) { event.target.addClass("hover"); });
    cy.on("mouseout", "node", function (event) { event.target.removeClass("hover"); });

    function recolour() {
      var attribute = colourSelect.value;
      var map = colourMap(nodes, attribute);
      cy.nodes().forEach(function (n) {
        n.data("colour", map[firstValue(n.data(attribute))] || NONE);
      });
      drawLegend(map, attribute === "design" ? "design" : "intervention class");
    }

    function filter() {
      var wanted = interventionSelect.value;
      cy.batch(function () {
        cy.nodes().forEach(function (n) {
          var has = (n.data("interventions") || "").split("; ").indexOf(wanted) >= 0;
          n.toggleClass("hidden", Boolean(wanted) && !has);
        });
      });
      var shown = cy.nodes().not(".hidden").length;
      setStatus(shown + " of " + data.total_nodes + " nodes shown" +
                (data.shown_nodes < data.total_nodes ? " (the " + data.shown_nodes + " most cited drawn)" : ""));
    }

    recolour();
    filter();
    colourSelect.addEventListener("change", recolour);
    interventionSelect.addEventListener("change", filter);
    cy.on("mouseover", "node", function (event) { showDetails(event.target); });
    cy.on("tap", "node", function (event) {
      var href = event.target.data("href");
      if (href) { window.location.assign(href); }
    });
    window.kbNetwork = cy;
    container.dataset.ready = "1";
  }

  fetch(container.dataset.jsonUrl, { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (!data.ok) { throw new Error(data.error || "the network data could not be read"); }
      render(data);
    })
    .catch(function (error) {
      setStatus("Error: " + error.message);
      container.dataset.ready = "error";
    });
})();
