"""Korean for the stepping display (issue 7, part 1): the canvas's badges and captions, the inspector's preamble."""

GENERAL: dict[str, str] = {
    # Canvas: the lines beside a node and the edge labels while stepping.
    "δ = %1": "δ = %1",
    "∂L/∂y = %1": "∂L/∂y = %1",
    "∂L/∂x = %1": "∂L/∂x = %1",
    "∂L/∂b = %1": "∂L/∂b = %1",
    "∂L/∂w = %1": "∂L/∂w = %1",
    "b: %1 → %2": "b: %1 → %2",
    "%1 → %2": "%1 → %2",
    "loss L = %1": "손실 L = %1",
    # Canvas: the caption's second line, by phase.
    "Layer %1 computed: a in each node, z = Σ w·a + b below it · edges: weights w": (
        "%1층 계산 완료: 노드 안은 a, 아래는 z = Σ w·a + b · 연결선: 가중치 w"
    ),
    "The loss L and ∂L/∂y beside the output · edges: weights w": "출력 옆에 손실 L과 ∂L/∂y · 연결선: 가중치 w",
    "δ = ∂L/∂z of layer %1 beside its nodes, with ∂L/∂a · edges: w, or ∂L/∂w once computed": (
        "%1층 노드 옆에 δ = ∂L/∂z와 ∂L/∂a · 연결선: w, 계산된 곳은 ∂L/∂w"
    ),
    "∂L/∂w of the weights into layer %1 on their edges (∂L/∂b beside the nodes)": (
        "%1층으로 들어가는 가중치의 ∂L/∂w를 연결선에 (노드 옆에는 ∂L/∂b)"
    ),
    "Edges: each weight old → new after the update · nodes: a and z of this step": (
        "연결선: 갱신 전 → 갱신 후 가중치 · 노드: 이번 단계의 a와 z"
    ),
    # Inspector.
    "Just computed in the phase %1:": "%1 단계에서 방금 계산한 값:",
    "Values of sample #%1 (row %3 of the batch of %2):": "샘플 #%1의 값 (배치 %2개 중 %3번째):",
}
