"""Korean for the "Inside the network" panel (gui/lab/flow_*.py): merged by translate_ko.py."""

GENERAL: dict[str, str] = {
    "a": "a",
    "∂L/∂W": "∂L/∂W",
    "layer": "층",
    "mean a": "a 평균",
    "std a": "a 표준편차",
    "satur.": "포화",
    "dead": "죽음",
    "‖∂L/∂W‖": "‖∂L/∂W‖",
    "log Δ/W": "log Δ/W",
    "Layer number and activation function": "층 번호와 활성화 함수",
    "Mean output of the layer's units over the training set": "학습 데이터 전체에 대한 이 층 뉴런 출력의 평균",
    "Spread of the layer's outputs": "이 층 출력값의 퍼진 정도(표준편차)",
    "Share of sigmoid/tanh outputs whose derivative is below 0.01: almost no gradient passes": (
        "미분값이 0.01보다 작은 시그모이드/tanh 출력의 비율: 기울기가 거의 전달되지 않습니다"
    ),
    "Share of ReLU units that output 0 for every training sample: they no longer learn": (
        "모든 학습 샘플에서 0을 출력하는 ReLU 뉴런의 비율: 더 이상 학습하지 못합니다"
    ),
    "Size of the gradient of the layer's weights and biases": "이 층의 가중치와 편향에 대한 기울기의 크기",
    "log10 of how much the last update moved the weights, relative to their size (about −3 is healthy)": (
        "마지막 갱신이 가중치를 그 크기에 비해 얼마나 움직였는지의 log10 (약 −3이 건강한 값)"
    ),
    "share": "비율",
    "log10 |δ|": "log10 |δ|",
    "log10 |∂L/∂W|": "log10 |∂L/∂W|",
    "log10 ‖∂L/∂W‖": "log10 ‖∂L/∂W‖",
    "log10 update / weight": "log10 갱신 / 가중치",
    "History": "기록",
    "Drag back through training: every step's weights are kept (older ones thinned)": (
        "끌어서 학습 과정을 되돌아보세요: 모든 스텝의 가중치가 저장됩니다(오래된 것은 고르게 솎아냄)"
    ),
    "Back to now": "현재로 돌아가기",
    "Continue from here": "여기서부터 계속",
    "Make the step on view the present (one undo step)": "보고 있는 스텝을 현재로 만듭니다 (실행 취소 한 번)",
    "the loss diverges": "손실이 발산할 때",
    "a neuron dies": "뉴런이 죽을 때",
    "the watched weight changes sign": "지켜보는 가중치의 부호가 바뀔 때",
    "training accuracy reaches 100 %": "학습 정확도가 100 %에 이를 때",
    "the validation loss rises": "검증 손실이 올라갈 때",
    "rising epochs:": "연속 상승 에포크:",
    "How many epochs in a row the validation loss must rise": "검증 손실이 몇 에포크 연속으로 올라가야 멈출지",
    "Paused after step %1: neuron (%2, %3) died — its ReLU outputs 0 for every training sample.": (
        "스텝 %1 후 일시 정지: 뉴런 (%2, %3)이 죽었습니다 — 이 ReLU는 모든 학습 샘플에서 0을 출력합니다."
    ),
    "Paused after step %1: the weight from node (%2, %3) to node (%4, %5) changed sign: %6 → %7.": (
        "스텝 %1 후 일시 정지: 노드 (%2, %3)에서 노드 (%4, %5)로 가는 가중치의 부호가 바뀌었습니다: %6 → %7."
    ),
    "Paused after step %1: every training sample is classified right (training accuracy 100 %).": (
        "스텝 %1 후 일시 정지: 모든 학습 샘플을 맞혔습니다 (학습 정확도 100 %)."
    ),
    "Paused after step %1: the validation loss rose %2 epochs in a row, from %3 to %4.": (
        "스텝 %1 후 일시 정지: 검증 손실이 %2 에포크 연속으로 %3에서 %4로 올라갔습니다."
    ),
    "Paused after step %1: the loss diverged (%2).": "스텝 %1 후 일시 정지: 손실이 발산했습니다 (%2).",
    "Pause when… (%1 on)": "일시 정지 조건… (%1개 켜짐)",
    "Pause when…": "일시 정지 조건…",
    "Click a weight on the network to watch it.": "지켜볼 가중치를 신경망에서 클릭하세요.",
    "Watching the weight from node (%1, %2) to node (%3, %4).": (
        "노드 (%1, %2)에서 노드 (%3, %4)로 가는 가중치를 지켜봅니다."
    ),
    "There are no training samples to measure.": "측정할 학습 샘플이 없습니다.",
    "Step %1 · measured on the %2 training samples": "스텝 %1 · 학습 샘플 %2개로 측정",
    "Now: step %1 · %2 steps kept": "현재: 스텝 %1 · 저장된 스텝 %2개",
    "Viewing step %1 (read-only)": "스텝 %1 보는 중 (읽기 전용)",
    "Inside the network": "신경망 속 들여다보기",
    "Per-layer activations and gradients, a history of every step, breakpoints": (
        "층별 활성화와 기울기, 모든 스텝의 기록, 일시 정지 조건"
    ),
    "Viewing step %1 of the history (read-only). Back to now or continue from here.": (
        "기록의 스텝 %1을 보는 중입니다 (읽기 전용). 현재로 돌아가거나 여기서부터 계속하세요."
    ),
    "continue from step %1": "스텝 %1부터 계속",
    "%1 · %2": "%1 · %2",
    "Dropout (hidden)": "드롭아웃 (은닉층)",
    "dropout": "드롭아웃",
    "A dropout rate is the share of hidden units dropped: below 1; nothing was changed.": (
        "드롭아웃 비율은 끄는 은닉 뉴런의 몫이라 1보다 작아야 합니다. 아무것도 바뀌지 않았습니다."
    ),
    "Early stopping: the validation loss stopped improving, so the weights after epoch %1, "
    "the best on the validation set, are back.": (
        "조기 종료: 검증 손실이 더 나아지지 않아, 검증 데이터에서 가장 좋았던 에포크 %1 뒤의 가중치로 되돌렸습니다."
    ),
    "numbers": "수치",
    "δ": "δ",
    "Δ/W": "Δ/W",
    "Each layer's numbers on the training set": "학습 데이터에서 잰 층별 수치",
    "Histogram of each layer's outputs a": "층별 출력 a의 히스토그램",
    "Histogram of each layer's δ = ∂L/∂z, on a log scale of its size": "층별 δ = ∂L/∂z의 히스토그램 (크기의 로그 눈금)",
    "Histogram of each layer's weight gradients ∂L/∂W, on a log scale of their size": (
        "층별 가중치 기울기 ∂L/∂W의 히스토그램 (크기의 로그 눈금)"
    ),
    "Gradient norm per layer over the steps (log scale): a vanishing gradient shrinks layer by layer": (
        "스텝에 따른 층별 기울기 크기 (로그 눈금): 기울기 소실이면 층마다 작아집니다"
    ),
    "log10 of update size / weight size per layer over the steps; the dashed line is the usual −3": (
        "스텝에 따른 층별 log10(갱신 크기 / 가중치 크기); 점선은 흔히 쓰는 기준 −3입니다"
    ),
}
