"""Korean for the strings of undoable training and the engine's structured messages (helper "undo")."""

# ruff: noqa: E501  (one translation per line reads best, however long)
from __future__ import annotations

GENERAL: dict[str, str] = {
    # gui/commands.py: undo entries
    "train 1 step": "1스텝 학습",
    "train %1 steps": "%1스텝 학습",
    "reset the weights": "가중치 초기화",
    "re-randomise the weights": "가중치 무작위 재설정",
    # gui/model_text.py: engine messages without an earlier translation
    "A network needs an input and an output layer.": "신경망에는 입력층과 출력층이 필요합니다.",
    "The network needs one activation per layer (%1), not %2.": "층마다 활성화 함수가 하나씩(%1개) 필요한데 %2개입니다.",
    "The network needs one bias flag per layer (%1), not %2.": "층마다 편향 설정이 하나씩(%1개) 필요한데 %2개입니다.",
    "Unknown initialisation %1; choose one of %2.": "알 수 없는 초기화 방식 %1입니다. %2 중에서 고르세요.",
    "Unknown activation %1; choose one of %2.": "알 수 없는 활성화 함수 %1입니다. %2 중에서 고르세요.",
    "Unknown loss %1; choose one of %2.": "알 수 없는 손실 %1입니다. %2 중에서 고르세요.",
    "The cross_entropy loss needs at least 2 outputs (classes); use bce for one output.": "cross_entropy 손실에는 출력(클래스)이 2개 이상 필요합니다. 출력이 하나면 bce를 쓰세요.",
    "The network needs %1 weight matrices and bias vectors.": "신경망에는 가중치 행렬과 편향 벡터가 %1개씩 필요합니다.",
    "Weights %1 must have shape %2, not %3.": "가중치 %1의 모양은 %3이 아니라 %2여야 합니다.",
    "Biases %1 must have shape %2.": "편향 %1의 모양은 %2여야 합니다.",
}
