"""Korean translations of the interface: fills backprop_ko.ts after pyside6-lupdate has (re)written it.

    python resources/translations/translate_ko.py resources/translations/backprop_ko.ts

The .ts is generated, never edited by hand: ``packaging/update_translations.sh``
runs lupdate over gui/*.py, then this script, then lrelease.  Every message is
looked up first by (context, English source) in ``BY_CONTEXT`` (for words whose
Korean depends on where they appear: "Training" as a panel title is 학습 설정,
as a share of the data 학습용), then by source alone in ``GENERAL``.  Found
entries are marked finished; the script lists any source it has no Korean for
and exits with status 1, so a new string cannot slip through untranslated.

Style: concise, for students and projection in class; the vocabulary of the
Korean lecture notes (가중치, 편향, 활성화 함수, 손실, 학습률, 역전파, 순전파,
기울기, 에포크, 배치, 옵티마이저); function names (sigmoid, relu, adam …) and
symbols (z, a, δ, ∂L/∂w) stay as they are.  Placeholders %1 … %9 must all be
kept; an accelerator goes after the word in Korean style, "파일(&F)".
"""

# ruff: noqa: E501  (one translation per line reads best, however long)
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GENERAL: dict[str, str] = {
    # ------------------------------------------------------------ main window: actions
    "&New": "새로 만들기(&N)",
    "Start a new network on XOR": "XOR 데이터로 새 신경망 시작",
    "&Open…": "열기(&O)…",
    "Open a saved network": "저장한 신경망 열기",
    "&Save": "저장(&S)",
    "Save the network, data and settings": "신경망, 데이터, 설정 저장",
    "Save &As…": "다른 이름으로 저장(&A)…",
    "Save under a new name": "새 이름으로 저장",
    "&Quit": "끝내기(&Q)",
    "Close the playground": "프로그램 닫기",
    "Undo": "실행 취소",
    "Undo the last edit": "마지막 편집 취소",
    "Redo": "다시 실행",
    "Redo the edit you undid": "취소한 편집 다시 실행",
    "Step ▶": "다음 단계 ▶",
    "Next phase of the training step": "학습 스텝의 다음 단계로",
    "◀ Back": "◀ 이전",
    "Previous phase (restores the weights across an update)": "이전 단계로 (갱신을 되돌리면 가중치도 복원)",
    "Finish step ▶▶": "스텝 완료 ▶▶",
    "Run the rest of this step up to the update": "이번 스텝의 남은 단계를 갱신까지 실행",
    "Epoch": "에포크",
    "Train one whole epoch": "에포크 하나를 끝까지 학습",
    "Play": "재생",
    "Train continuously; press again to pause": "계속 학습합니다. 다시 누르면 일시 정지",
    "Pause": "일시 정지",
    "Reset": "초기화",
    "Back to the same starting weights": "처음과 같은 초기 가중치로 되돌리기",
    "Re-randomise": "무작위 재설정",
    "New random starting weights": "새 무작위 초기 가중치",
    "Backward view": "역전파 보기",
    "Show δ and ∂L/∂w instead of z, a and w": "z, a, w 대신 δ와 ∂L/∂w 표시",
    "Node by node": "노드별 진행",
    "Step the forward pass one node at a time": "순전파를 노드 하나씩 진행",
    "Neuron maps": "뉴런 지도",
    "Show each hidden neuron's output map on its node": "은닉 뉴런의 출력 지도를 각 노드에 표시",
    "Log-scale loss": "손실 로그 눈금",
    "Plot the loss on a logarithmic axis": "손실을 로그 눈금 축에 그리기",
    "Fit network": "전체 보기",
    "Zoom to show the whole network": "신경망 전체가 보이도록 확대·축소",
    "Zoom in": "확대",
    "Zoom out": "축소",
    "Add hidden layer": "은닉층 추가",
    "Insert a hidden layer before the output": "출력층 앞에 은닉층 삽입",
    "About": "프로그램 정보",
    "About Backprop Playground": "Backprop Playground 정보",
    # menus
    "&File": "파일(&F)",
    "&Edit": "편집(&E)",
    "&View": "보기(&V)",
    "&Train": "학습(&T)",
    "E&xamples": "예제(&X)",
    "Panels": "패널",
    "Language": "언어",
    "&Help": "도움말(&H)",
    # docks
    "Lesson": "수업 안내",
    "Inspector": "계산 상세",
    "Decision boundary": "결정 경계",
    "Fit": "회귀 곡선",
    "Samples": "샘플",
    "Loss": "손실",
    # view toolbar
    " Speed ": " 속도 ",
    "Show: ": "표시: ",
    " Digits ": " 자릿수 ",
    "forward (z, a, w)": "순전파 (z, a, w)",
    "backward (δ, ∂L/∂w)": "역전파 (δ, ∂L/∂w)",
    "Phase: %1 · step %2 · epoch %3": "단계: %1 · 스텝 %2 · 에포크 %3",
    " · loss %1": " · 손실 %1",
    " · last loss %1": " · 마지막 손실 %1",
    # undo texts and messages
    "add hidden layer": "은닉층 추가",
    "reset": "초기화",
    "re-randomise": "무작위 재설정",
    "The translation for %1 is missing; staying in English.": "%1 번역 파일이 없어 영어로 계속 표시합니다.",
    "The network has unsaved changes. Discard them?": "저장하지 않은 변경 사항이 있습니다. 버릴까요?",
    "untitled": "제목 없음",
    "Could not open %1: %2": "%1 파일을 열 수 없습니다: %2",
    "Open network": "신경망 열기",
    "Could not save %1: %2": "%1 파일에 저장할 수 없습니다: %2",
    "Saved %1": "%1에 저장했습니다.",
    "Save network": "신경망 저장",
    "Backprop Playground: draw a small neural network, set every number by hand and step through training "
    "one phase at a time.": "Backprop Playground: 작은 신경망을 그리고, 모든 값을 직접 정하고, "
    "학습 과정을 한 단계씩 따라가 봅니다.",
    # ------------------------------------------------------------ autosave, recent files, drop
    "The unsaved work from the last session could not be read and was deleted: %1": "지난번에 저장하지 않은 작업을 읽을 수 없어 삭제했습니다: %1",
    "Restore the unsaved work from %1?": "%1에 저장하지 않은 작업을 복원할까요?",
    "Restored the unsaved work from %1.": "%1에 저장하지 않은 작업을 복원했습니다.",
    "Autosave failed: %1": "자동 저장 실패: %1",
    "Open &Recent": "최근 파일(&R)",
    "Clear list": "목록 지우기",
    "No recent files": "최근 파일 없음",
    "Only a single Backprop Playground file (.json) can be opened by dropping it here.": "여기에 끌어 놓아 열 수 있는 것은 Backprop Playground 파일(.json) 하나뿐입니다.",
    # ------------------------------------------------------------ inspector
    "Value:": "값:",
    "Set": "적용",
    "Type a number and press Enter": "숫자를 입력하고 Enter를 누르세요",
    "Click a node or a weight to see its numbers.": "노드나 가중치를 클릭하면 계산 과정이 나타납니다.",
    "Input node %1 (%2)": "입력 노드 %1 (%2)",
    "Output node (%1, %2)": "출력 노드 (%1, %2)",
    "Hidden node (%1, %2): layer %1, neuron %2": "은닉 노드 (%1, %2): %1층, 뉴런 %2",
    "Weight (%1, %2, %3): from node (%1, %2) to node (%4, %3)": "가중치 (%1, %2, %3): 노드 (%1, %2) → 노드 (%4, %3)",
    "Values of sample #%1 (first of the batch of %2):": "샘플 #%1의 값 (배치 %2개 중 첫 번째):",
    "A step layer passes no gradient back (its derivative is 0): the weights into it, and everything before it, get 0.": "계단(step) 층은 기울기를 뒤로 전달하지 않습니다(도함수가 0). 그 층으로 들어오는 가중치와 그 앞의 모든 가중치의 기울기는 0입니다.",
    # ------------------------------------------------------------ lesson
    "No lesson text: build a network and experiment.": "수업 설명이 없습니다. 신경망을 만들어 자유롭게 실험해 보세요.",
    "Untitled": "제목 없음",
    # ------------------------------------------------------------ training panel
    "Optimizer": "옵티마이저",
    "Learning rate": "학습률",
    "Batch size (0 = all)": "배치 크기 (0 = 전체)",
    "LR schedule": "학습률 스케줄",
    "L2 weight decay": "L2 가중치 감쇠",
    "L1": "L1",
    "Shuffle": "섞기",
    "Seed": "시드",
    "Early stop patience": "조기 종료 전 기다릴 에포크 수",
    "constant": "일정",
    "step decay": "계단식 감소",
    "exponential decay": "지수 감소",
    "inverse-time decay": "역시간 감소",
    "change loss": "손실 함수 변경",
    # undo texts (commands)
    "optimizer": "옵티마이저",
    "learning rate": "학습률",
    "batch size": "배치 크기",
    "seed": "시드",
    "shuffling": "섞기",
    "learning rate schedule": "학습률 스케줄",
    "early stop patience": "조기 종료 대기 에포크 수",
    "set a weight": "가중치 설정",
    "set a bias": "편향 설정",
    "change %1": "%1 변경",
    # ------------------------------------------------------------ sample table
    "mini-batch": "미니배치",
    "selected sample": "선택한 샘플",
    "What the next step trains on: the next mini-batch or the selected row alone.": "다음 스텝에서 학습할 대상: 다음 미니배치, 또는 선택한 행 하나",
    "Step on:": "학습 대상:",
    "split": "구분",
    "Row number in the dataset": "데이터셋의 행 번호",
    "train, validation or test": "학습, 검증 또는 테스트",
    "Input %1": "입력 %1",
    "target %1": "목표 %1",
    "The target the network should output for %1": "%1에 대해 신경망이 내야 할 목표값",
    "output %1": "출력 %1",
    "The network's current output for %1": "%1에 대한 신경망의 현재 출력",
    "Output a of neuron %2 in hidden layer %1": "은닉층 %1의 뉴런 %2의 출력 a",
    "%1 samples, %2 in this step, %3 misclassified": "샘플 %1개, 이번 스텝 %2개, 오분류 %3개",
    "%1 samples, %2 in this step": "샘플 %1개, 이번 스텝 %2개",
    "In this step's batch.": "이번 스텝의 배치에 포함됨.",
    "Misclassified: the network's output gives the wrong class.": "오분류: 신경망의 출력이 틀린 클래스를 가리킵니다.",
    "train": "학습",
    "val": "검증",
    "validation": "검증",
    "test": "테스트",
    # ------------------------------------------------------------ plots
    "Decision boundary needs 2 inputs": "결정 경계는 입력이 2개일 때만 그릴 수 있습니다",
    "class %1": "클래스 %1",
    "misclassified": "오분류",
    "%1 (data)": "%1 (데이터)",
    "%1 (network)": "%1 (신경망)",
    "output": "출력",
    "prediction = target": "예측 = 목표",
    "target": "목표",
    "prediction": "예측",
    "training loss (step)": "학습 손실 (스텝)",
    "training loss (epoch)": "학습 손실 (에포크)",
    "validation loss": "검증 손실",
    "steps": "스텝",
    "epochs": "에포크",
    "Log scale": "로그 눈금",
    "x axis:": "x축:",
    "step": "스텝",
    "epoch": "에포크",
    "loss": "손실",
    "step %1: loss %2": "스텝 %1: 손실 %2",
    "epoch %1: loss %2": "에포크 %1: 손실 %2",
    "epoch %1: validation loss %2": "에포크 %1: 검증 손실 %2",
    "Could not write the image %1": "그림 %1을(를) 저장할 수 없습니다",
    # ------------------------------------------------------------ network scene and view
    "∂L/∂a = %1": "∂L/∂a = %1",
    "z = %1": "z = %1",
    "Input": "입력층",
    "sample #%1 of a batch of %2": "배치 %2개 중 샘플 #%1",
    "sample #%1": "샘플 #%1",
    "no sample": "샘플 없음",
    "Output": "출력층",
    "Hidden %1": "은닉층 %1",
    "bias": "편향",
    "no bias": "편향 없음",
    "%1 · %2": "%1 · %2",
    "Phase: %1": "단계: %1",
    "%1 · loss = %2": "%1 · 손실 = %2",
    "Nodes: output a (z below) · edges: weight w": "노드: 출력 a (아래는 z) · 연결선: 가중치 w",
    "Nodes: δ = ∂L/∂z · edges: Δw made by the update (colour: ∂L/∂w)": "노드: δ = ∂L/∂z · 연결선: 갱신으로 바뀐 Δw (색: ∂L/∂w)",
    "Nodes: δ = ∂L/∂z (∂L/∂a below) · edges: ∂L/∂w": "노드: δ = ∂L/∂z (아래는 ∂L/∂a) · 연결선: ∂L/∂w",
    "Network": "신경망",
    "add a neuron to layer %1": "%1층에 뉴런 추가",
    "remove neuron %1 of layer %2": "%2층의 뉴런 %1 제거",
    "insert a hidden layer": "은닉층 삽입",
    "remove layer %1": "은닉층 h%1 제거",
    "set layer %1's activation to %2": "%1층 활성화 함수를 %2(으)로 변경",
    "turn on layer %1's bias": "%1층 편향 켜기",
    "turn off layer %1's bias": "%1층 편향 끄기",
    "Activation": "활성화 함수",
    "Bias": "편향",
    "Add neuron": "뉴런 추가",
    "Remove neuron": "뉴런 제거",
    "Insert hidden layer before": "앞에 은닉층 삽입",
    "Insert hidden layer after": "뒤에 은닉층 삽입",
    "Remove this layer": "이 층 제거",
    "Edit bias…": "편향 편집…",
    "Input and output layers follow the data set": "입력층과 출력층의 크기는 데이터셋을 따릅니다",
    "Edit weight…": "가중치 편집…",
    "Fit to window": "창에 맞추기",
    "weight": "가중치",
    "New %1: Enter to set, Esc to cancel": "새 %1: Enter로 적용, Esc로 취소",
    "'%1' is not a finite number; the value was not changed.": "'%1'은(는) 유한한 숫자가 아니라서 값을 바꾸지 않았습니다.",
    # ------------------------------------------------------------ validation
    "'%1' is not a number; nothing was changed.": "'%1'은(는) 숫자가 아니라서 아무것도 바꾸지 않았습니다.",
    "'%1' is not a finite number; nothing was changed.": "'%1'은(는) 유한한 숫자가 아니라서 아무것도 바꾸지 않았습니다.",
    "'%1' is not a whole number; nothing was changed.": "'%1'은(는) 정수가 아니라서 아무것도 바꾸지 않았습니다.",
    "'%1' is below the smallest allowed value %2; nothing was changed.": "'%1'은(는) 허용되는 최솟값 %2보다 작아서 아무것도 바꾸지 않았습니다.",
    # ------------------------------------------------------------ model text
    "Training stopped: the loss became %1 (diverged). Try a smaller learning rate.": "학습 중단: 손실이 발산했습니다 (%1). 학습률을 줄여 보세요.",
    "Training stopped: the update would make a weight infinite or NaN (the learning rate is probably too large).": "학습 중단: 이번 갱신으로 가중치가 무한대나 NaN이 됩니다 (학습률이 너무 큰 것 같습니다).",
    "Training stopped: the loss became %1 (diverged). Lower the learning rate and press Reset to start again.": "학습 중단: 손실이 발산했습니다 (%1). 학습률을 낮추고 초기화를 눌러 다시 시작하세요.",
    "The loss is %1, far above where it started: this learning rate makes training diverge.": "손실(%1)이 처음보다 훨씬 커졌습니다. 이 학습률로는 학습이 발산합니다.",
    "Early stopping: the validation loss has not improved for %1 epochs.": "조기 종료: 검증 손실이 %1 에포크 동안 나아지지 않았습니다.",
    "Nothing to step back to.": "더 되돌아갈 단계가 없습니다.",
    "There are no training samples to step on.": "학습할 샘플이 없습니다.",
    "The update was refused.": "갱신이 거부되었습니다.",
    "At most %1 hidden layers are allowed.": "은닉층은 최대 %1개까지 만들 수 있습니다.",
    "A layer can have at most %1 neurons.": "한 층에는 뉴런을 최대 %1개까지 둘 수 있습니다.",
    "A hidden layer needs at least one neuron; remove the layer instead.": "은닉층에는 뉴런이 하나 이상 있어야 합니다. 대신 층을 제거하세요.",
    "Neurons can only be added to hidden layers.": "뉴런은 은닉층에만 추가할 수 있습니다.",
    "Neurons can only be removed from hidden layers.": "뉴런은 은닉층에서만 제거할 수 있습니다.",
    "Only hidden layers can be removed.": "은닉층만 제거할 수 있습니다.",
    "A hidden layer can be inserted at positions 1 to %1.": "은닉층은 1번부터 %1번 위치까지 삽입할 수 있습니다.",
    "A hidden layer needs 1 to %1 neurons and a hidden activation.": "은닉층에는 뉴런 1~%1개와 은닉층용 활성화 함수가 필요합니다.",
    "Layer %1 has no neuron %2.": "%1층에는 뉴런 %2이(가) 없습니다.",
    "A layer needs 1 to %1 neurons, not %2.": "한 층의 뉴런 수는 1~%1개여야 합니다 (지금 %2).",
    "%1 can only be the activation of the output layer.": "%1은(는) 출력층의 활성화 함수로만 쓸 수 있습니다.",
    "The %1 loss needs a %2 output layer.": "%1 손실에는 %2 출력층이 필요합니다.",
    "Layer %1 has a parameter that is not a finite number.": "%1층에 유한하지 않은 매개변수가 있습니다.",
    "Training stopped: %1.": "학습 중단: %1.",
    "ready": "준비",
    "update": "갱신",
    "forward %1": "순전파 %1",
    "delta %1": "델타 %1",
    "gradient %1": "기울기 %1",
    "Message (in English): %1": "메시지 (영문): %1",
    # ------------------------------------------------------------ presentation and shortcuts
    "&Presentation mode": "발표 모드(&P)",
    "Large text and lines, only the main panels; press again to restore the layout": "큰 글씨와 굵은 선으로 주요 패널만 표시합니다. 다시 누르면 원래 배치로 돌아갑니다",
    "Larger": "크게",
    "Presentation scale up by 25 %": "발표 배율 25 % 키우기",
    "Smaller": "작게",
    "Presentation scale down by 25 %": "발표 배율 25 % 줄이기",
    "Light": "밝게",
    "Dark text on a light background": "밝은 배경에 어두운 글씨",
    "Dark": "어둡게",
    "Light text on a dark background": "어두운 배경에 밝은 글씨",
    "Standard (blue/orange)": "기본 (파랑/주황)",
    "Blue for negative, orange for positive; safe for colour blindness": "음수는 파랑, 양수는 주황. 색각 이상에도 안전",
    "High contrast (blue/amber)": "고대비 (파랑/호박색)",
    "Saturated colours and heavy outlines for washed-out projectors": "흐린 프로젝터를 위한 진한 색과 굵은 윤곽선",
    "Purple/green": "보라/초록",
    "Purple for negative, green for positive; safe for colour blindness": "음수는 보라, 양수는 초록. 색각 이상에도 안전",
    "&Scale": "배율(&S)",
    "T&heme": "테마(&H)",
    "&Colours": "색상(&C)",
    "Presentation scale:": "발표 배율:",
    "Text and line size in presentation mode (100–250 %)": "발표 모드의 글자와 선 크기 (100–250 %)",
    "Presentation scale %1 % (used in presentation mode, F5)": "발표 배율 %1 % (발표 모드 F5에서 적용)",
    "Keyboard shortcuts": "단축키",
    "Every command of the playground and its keys. The same list is in the menus and in each button's tooltip.": "프로그램의 모든 명령과 단축키입니다. 같은 내용이 메뉴와 각 버튼의 도움말에도 있습니다.",
    "Command": "명령",
    "Keys": "단축키",
    "Copy as text": "텍스트로 복사",
    "Other": "기타",
    "&Keyboard shortcuts": "단축키 목록(&K)",
    "Every command and its keys": "모든 명령과 단축키",
    # ------------------------------------------------------------ export menu
    "&Export": "내보내기(&E)",
    "Network diagram as PNG…": "신경망 그림 (PNG)…",
    "Network diagram as SVG…": "신경망 그림 (SVG)…",
    "Loss plot as PNG…": "손실 그래프 (PNG)…",
    "Decision boundary as PNG…": "결정 경계 (PNG)…",
    "Loss per step as CSV…": "스텝별 손실 (CSV)…",
    "Epoch history as CSV…": "에포크 기록 (CSV)…",
    "Current step as Markdown…": "현재 스텝 풀이 (Markdown)…",
    "Current step as LaTeX…": "현재 스텝 풀이 (LaTeX)…",
    "Python script (NumPy)…": "파이썬 스크립트 (NumPy)…",
    "Python script (PyTorch)…": "파이썬 스크립트 (PyTorch)…",
    "Export": "내보내기",
    "Could not export to %1: %2": "%1(으)로 내보낼 수 없습니다: %2",
    "Exported %1": "%1(으)로 내보냈습니다.",
    "there is a decision boundary only for classification data with 2 inputs": "결정 경계는 입력이 2개인 분류 데이터에만 있습니다",
    # ------------------------------------------------------------ data editor
    "Data set": "데이터셋",
    "A truth table (4 rows) or a generated set of points": "진리표(4행) 또는 생성한 점 데이터",
    "Class targets as 0 and 1 (sigmoid output) or −1 and +1 (tanh output); truth tables code inputs too": "클래스 목표값을 0과 1(sigmoid 출력) 또는 −1과 +1(tanh 출력)로 표현. 진리표는 입력도 같이 바뀝니다",
    "Data": "데이터",
    "Classes": "클래스",
    "Noise": "잡음",
    "Validation": "검증용",
    "Test": "테스트용",
    "How many points to generate": "생성할 점의 개수",
    "How much random jitter to add; 0 gives clean data": "더할 무작위 잡음의 크기. 0이면 깨끗한 데이터",
    "The same seed gives the same points and the same split": "시드가 같으면 같은 점과 같은 분할이 나옵니다",
    "Share of the samples the network learns from": "신경망이 학습에 쓰는 샘플의 비율",
    "Share kept aside to watch for overfitting; the rest is the test set": "과적합을 살피려고 따로 떼어 두는 비율. 나머지는 테스트용",
    "Apply": "적용",
    "Replace the data with this choice (undoable)": "이 선택으로 데이터를 바꿉니다 (실행 취소 가능)",
    "Split again": "다시 분할",
    "Share the current samples out again by these percentages and seed": "현재 샘플을 이 비율과 시드로 다시 나눕니다",
    "Plot clicks add:": "그래프 클릭으로 추가:",
    "Click on the decision boundary to add a point of this class; right-click a point to remove it": "결정 경계를 클릭하면 이 클래스의 점이 추가되고, 점을 오른쪽 클릭하면 지워집니다",
    "Import CSV…": "CSV 가져오기…",
    "Export CSV…": "CSV 내보내기…",
    "Click: add a point of the class chosen in the Data set panel · right-click: remove a point": "클릭: 데이터셋 패널에서 고른 클래스의 점 추가 · 오른쪽 클릭: 점 지우기",
    "&Data": "데이터(&D)",
    "Truth table": "진리표",
    "Generated set": "생성 데이터",
    "Move to": "옮기기",
    "Put the selected rows into the training, validation or test set": "선택한 행을 학습용, 검증용 또는 테스트용으로 옮기기",
    "Data set options…": "데이터셋 옵션…",
    "Show the panel that makes and edits data": "데이터를 만들고 편집하는 패널 표시",
    "Load samples from a CSV file with a header row": "머리글 행이 있는 CSV 파일에서 샘플 불러오기",
    "Save the samples as a CSV file": "샘플을 CSV 파일로 저장",
    "Add row": "행 추가",
    "Add a copy of the selected row (or the last row) to edit": "선택한 행(없으면 마지막 행)을 복사해 추가",
    "Remove rows": "행 삭제",
    "Remove the selected rows": "선택한 행 삭제",
    "Use −1 / +1": "−1 / +1 사용",
    "Truth tables and class targets as −1 and +1 instead of 0 and 1": "진리표와 클래스 목표값을 0과 1 대신 −1과 +1로",
    "In the sample table, double-click a split, input or target to edit it; right-click for more.": "샘플 표에서 구분, 입력, 목표를 더블클릭하면 편집할 수 있고, 오른쪽 클릭하면 메뉴가 나옵니다.",
    "Circle": "원",
    "Quadrant XOR": "사분면 XOR",
    "Two clouds": "두 무리",
    "Spiral": "나선",
    "Moons": "반달",
    "Line (regression)": "직선 (회귀)",
    "Sine wave (regression)": "사인파 (회귀)",
    "House price (regression)": "집값 (회귀)",
    "classification": "분류",
    "regression": "회귀",
    "Now: %1 · %2 samples (%3 training, %4 validation, %5 test) · inputs: %6 · outputs: %7 · %8": "현재: %1 · 샘플 %2개 (학습 %3, 검증 %4, 테스트 %5) · 입력 %6개 · 출력 %7개 · %8",
    "Points can be added on the plot for 2-input classification data": "입력이 2개인 분류 데이터에서만 그래프에 점을 추가할 수 있습니다",
    "The class a click on the decision boundary adds": "결정 경계를 클릭했을 때 추가되는 클래스",
    "use data %1": "데이터 %1 사용",
    "Data: %1 (%2 samples)": "데이터: %1 (샘플 %2개)",
    "The split is already like this.": "이미 이렇게 나뉘어 있습니다.",
    "split the data again": "데이터 다시 분할",
    "change a sample's split": "샘플의 구분 변경",
    "edit an input": "입력 편집",
    "edit a target": "목표 편집",
    "A data set can hold at most %1 samples.": "데이터셋에는 샘플을 최대 %1개까지 넣을 수 있습니다.",
    "add a sample": "샘플 추가",
    "Select the rows to remove first.": "먼저 삭제할 행을 선택하세요.",
    "At least one sample must remain; nothing was removed.": "샘플이 하나 이상 남아야 하므로 아무것도 삭제하지 않았습니다.",
    "remove a sample": "샘플 삭제",
    "remove %1 samples": "샘플 %1개 삭제",
    "change the split of %1 samples": "샘플 %1개의 구분 변경",
    "Select the rows to move first.": "먼저 옮길 행을 선택하세요.",
    "add a point": "점 추가",
    "remove a point": "점 삭제",
    "Could not import %1: %2.": "%1을(를) 가져올 수 없습니다: %2.",
    "import %1": "%1 가져오기",
    "Imported %1: %2 samples, %3 inputs, %4 outputs.": "%1을(를) 가져왔습니다: 샘플 %2개, 입력 %3개, 출력 %4개.",
    "Import data": "데이터 가져오기",
    "CSV files (*.csv *.txt);;All files (*)": "CSV 파일 (*.csv *.txt);;모든 파일 (*)",
    "The columns are %1.\nHow many of the last columns are targets?": "열: %1\n마지막 몇 개 열이 목표값인가요?",
    "Could not export %1: %2": "%1을(를) 내보낼 수 없습니다: %2",
    "Exported the data to %1": "데이터를 %1(으)로 내보냈습니다",
    "Export data": "데이터 내보내기",
    "CSV files (*.csv)": "CSV 파일 (*.csv)",
}

#: Where the same English needs different Korean: (context, source) -> Korean.
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("MainWindow", "Training"): "학습 설정",
    ("MainWindow", "Samples"): "샘플",
    ("DataEditor", "Samples"): "샘플 수",
    ("DataEditor", "Training"): "학습용",
    ("TrainingPanel", "Loss"): "손실 함수",
    ("ModelText", "loss"): "손실 계산",
    ("DataEditor", "train"): "학습용",
    ("DataEditor", "validation"): "검증용",
    ("DataEditor", "test"): "테스트용",
}

PLACEHOLDER = re.compile(r"%\d")


def _merge_feature_files() -> None:
    """Each feature keeps its strings in its own ``ko_<feature>.py`` beside this file (``GENERAL`` and,
    optionally, ``BY_CONTEXT``), so parallel work never edits one shared table; a source given two
    different Korean texts is a mistake and stops the script."""
    import importlib.util

    for path in sorted(Path(__file__).parent.glob("ko_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for table, extra in ((GENERAL, getattr(module, "GENERAL", {})), (BY_CONTEXT, getattr(module, "BY_CONTEXT", {}))):
            for key, text in extra.items():
                if table.get(key, text) != text:
                    raise SystemExit(f"{path.name}: {key!r} is translated differently elsewhere")
                table[key] = text


_merge_feature_files()


def korean(context: str, source: str) -> str | None:
    return BY_CONTEXT.get((context, source), GENERAL.get(source))


def check(source: str, text: str) -> list[str]:
    """Problems with a translation: lost or invented placeholders, a lost accelerator."""
    problems = []
    if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text)):
        problems.append(f"placeholders differ: {source!r} -> {text!r}")
    if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
        problems.append(f"accelerator lost: {source!r} -> {text!r}")
    return problems


def fill(ts_path: Path) -> int:
    tree = ET.parse(ts_path)
    root = tree.getroot()
    root.set("language", "ko_KR")
    root.set("sourcelanguage", "en_US")
    missing, problems, done = [], [], 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue  # lupdate keeps strings the code no longer has; lrelease skips them
            text = korean(name, source)
            if text is None:
                missing.append(f"{name}: {source!r}")
                translation.set("type", "unfinished")
                continue
            problems += check(source, text)
            translation.text = text
            translation.attrib.pop("type", None)
            done += 1
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    print(f"{ts_path.name}: {done} messages translated, {len(missing)} missing, {len(problems)} problems")
    for line in missing + problems:
        print("  " + line)
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(fill(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("backprop_ko.ts"))))
