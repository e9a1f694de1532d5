"""Korean for the canvas's unit-health overlay, the weight-init lesson, per-layer dropout and the best-epoch
marker (gui/canvas/health_item.py, gui/lab/flow_canvas.py, ...): merged by translate_ko.py."""

GENERAL: dict[str, str] = {
    "‖∂L/∂W‖ = %1": "‖∂L/∂W‖ = %1",
    "%1 · %2 dead": "%1 · 죽음 %2개",
    "%1 · %2 saturated": "%1 · 포화 %2개",
    "saturated": "포화",
    "Dead and saturated units on the network": "신경망에 죽은 뉴런과 포화된 뉴런 표시",
    "Grey out dead ReLU units, ring saturated sigmoid/tanh units and write each layer's "
    "gradient norm ‖∂L/∂W‖ above it": (
        "죽은 ReLU 뉴런은 회색으로, 포화된 시그모이드/tanh 뉴런은 고리로 표시하고 "
        "각 층 위에 기울기 노름 ‖∂L/∂W‖를 씁니다"
    ),
}
