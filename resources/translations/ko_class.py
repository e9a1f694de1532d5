"""Korean for the strings of issue 7 parts 4 and 5 (bad input, class defects); merged by translate_ko.py."""

GENERAL: dict[str, str] = {
    "'%1' is outside the allowed range from -%2 to %2; nothing was changed.": (
        "'%1'은(는) 허용 범위(-%2 ~ %2)를 벗어나서 아무것도 바꾸지 않았습니다."
    ),
    "'%1' is above the largest allowed value %2; nothing was changed.": (
        "'%1'은(는) 허용되는 최댓값 %2보다 커서 아무것도 바꾸지 않았습니다."
    ),
    "Every data value must lie from -%1 to %1; nothing was changed.": (
        "데이터 값은 모두 -%1 ~ %1 사이여야 합니다. 아무것도 바꾸지 않았습니다."
    ),
    "The data has one output, so the output layer is now sigmoid with the bce loss.": (
        "데이터의 출력이 하나뿐이라서 출력층을 sigmoid로, 손실을 bce로 바꾸었습니다."
    ),
    " · the loss is too large to compute: press Reset or lower the weights": (
        " · 손실이 너무 커서 계산할 수 없습니다: 초기화하거나 가중치를 줄이세요"
    ),
}

GENERAL["The network has unsaved changes. Save them first?"] = (
    "신경망에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?"
)
