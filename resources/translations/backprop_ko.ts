<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
    <context>
        <name />
        <message>
            <source>‖∂L/∂W‖ = %1</source>
            <extracomment>Text size (scene units) of the badges and the layer lines. The ring of a saturated unit (amber: "careful", not the value map's colours).</extracomment>
            <translation>‖∂L/∂W‖ = %1</translation>
        </message>
        <message>
            <source>%1 · %2 dead</source>
            <translation>%1 · 죽음 %2개</translation>
        </message>
        <message>
            <source>%1 · %2 saturated</source>
            <translation>%1 · 포화 %2개</translation>
        </message>
        <message>
            <source>dead</source>
            <translation>죽음</translation>
        </message>
        <message>
            <source>saturated</source>
            <translation>포화</translation>
        </message>
    </context>
    <context>
        <name>Autosave</name>
        <message>
            <source>The unsaved work from the last session could not be read and was deleted: %1</source>
            <translation>지난번에 저장하지 않은 작업을 읽을 수 없어 삭제했습니다: %1</translation>
        </message>
        <message>
            <source>Restore the unsaved work from %1?</source>
            <translation>%1에 저장하지 않은 작업을 복원할까요?</translation>
        </message>
        <message>
            <source>Restored the unsaved work from %1.</source>
            <translation>%1에 저장하지 않은 작업을 복원했습니다.</translation>
        </message>
    </context>
    <context>
        <name>Autosaver</name>
        <message>
            <source>Autosave failed: %1</source>
            <translation>자동 저장 실패: %1</translation>
        </message>
    </context>
    <context>
        <name>BoundaryPlot</name>
        <message>
            <source>Decision boundary needs 2 inputs</source>
            <extracomment>Class colours beyond the palette's two: Okabe-Ito, which stays distinct under colour-vision deficiencies. Marker symbol per split: train, validation, test. The boundary's map: the palette's diverging LUT, lightened (same hues, same order, same zero).</extracomment>
            <translation>결정 경계는 입력이 2개일 때만 그릴 수 있습니다</translation>
        </message>
        <message>
            <source>class %1</source>
            <translation>클래스 %1</translation>
        </message>
        <message>
            <source>train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>test</source>
            <translation>테스트</translation>
        </message>
        <message>
            <source>misclassified</source>
            <translation>오분류</translation>
        </message>
    </context>
    <context>
        <name>DataEditor</name>
        <message>
            <source>train</source>
            <translation>학습용</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증용</translation>
        </message>
        <message>
            <source>test</source>
            <translation>테스트용</translation>
        </message>
        <message>
            <source>Data set</source>
            <extracomment>A right-click removes the nearest point only if it is at most this many pixels away.</extracomment>
            <translation>데이터셋</translation>
        </message>
        <message>
            <source>A truth table (4 rows) or a generated set of points</source>
            <translation>진리표(4행) 또는 생성한 점 데이터</translation>
        </message>
        <message>
            <source>Class targets as 0 and 1 (sigmoid output) or −1 and +1 (tanh output); truth tables code inputs too</source>
            <translation>클래스 목표값을 0과 1(sigmoid 출력) 또는 −1과 +1(tanh 출력)로 표현. 진리표는 입력도 같이 바뀝니다</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>데이터</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>클래스</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>샘플 수</translation>
        </message>
        <message>
            <source>Noise</source>
            <translation>잡음</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>시드</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>학습용</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>검증용</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>테스트용</translation>
        </message>
        <message>
            <source>How many points to generate</source>
            <translation>생성할 점의 개수</translation>
        </message>
        <message>
            <source>How much random jitter to add; 0 gives clean data</source>
            <translation>더할 무작위 잡음의 크기. 0이면 깨끗한 데이터</translation>
        </message>
        <message>
            <source>The same seed gives the same points and the same split</source>
            <translation>시드가 같으면 같은 점과 같은 분할이 나옵니다</translation>
        </message>
        <message>
            <source>Share of the samples the network learns from</source>
            <translation>신경망이 학습에 쓰는 샘플의 비율</translation>
        </message>
        <message>
            <source>Share kept aside to watch for overfitting; the rest is the test set</source>
            <translation>과적합을 살피려고 따로 떼어 두는 비율. 나머지는 테스트용</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>적용</translation>
        </message>
        <message>
            <source>Replace the data with this choice (undoable)</source>
            <translation>이 선택으로 데이터를 바꿉니다 (실행 취소 가능)</translation>
        </message>
        <message>
            <source>Split again</source>
            <translation>다시 분할</translation>
        </message>
        <message>
            <source>Share the current samples out again by these percentages and seed</source>
            <translation>현재 샘플을 이 비율과 시드로 다시 나눕니다</translation>
        </message>
        <message>
            <source>Plot clicks add:</source>
            <translation>그래프 클릭으로 추가:</translation>
        </message>
        <message>
            <source>Click on the decision boundary to add a point of this class; right-click a point to remove it</source>
            <translation>결정 경계를 클릭하면 이 클래스의 점이 추가되고, 점을 오른쪽 클릭하면 지워집니다</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>CSV 가져오기…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV 내보내기…</translation>
        </message>
        <message>
            <source>Click: add a point of the class chosen in the Data set panel · right-click: remove a point</source>
            <translation>클릭: 데이터셋 패널에서 고른 클래스의 점 추가 · 오른쪽 클릭: 점 지우기</translation>
        </message>
        <message>
            <source>&amp;Data</source>
            <extracomment>The Data menu (before Examples in the menu bar) and its submenus.</extracomment>
            <translation>데이터(&amp;D)</translation>
        </message>
        <message>
            <source>Truth table</source>
            <translation>진리표</translation>
        </message>
        <message>
            <source>Generated set</source>
            <translation>생성 데이터</translation>
        </message>
        <message>
            <source>Move to</source>
            <translation>옮기기</translation>
        </message>
        <message>
            <source>Put the selected rows into the training, validation or test set</source>
            <translation>선택한 행을 학습용, 검증용 또는 테스트용으로 옮기기</translation>
        </message>
        <message>
            <source>Data set options…</source>
            <translation>데이터셋 옵션…</translation>
        </message>
        <message>
            <source>Show the panel that makes and edits data</source>
            <translation>데이터를 만들고 편집하는 패널 표시</translation>
        </message>
        <message>
            <source>Load samples from a CSV file with a header row</source>
            <translation>머리글 행이 있는 CSV 파일에서 샘플 불러오기</translation>
        </message>
        <message>
            <source>Save the samples as a CSV file</source>
            <translation>샘플을 CSV 파일로 저장</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>행 추가</translation>
        </message>
        <message>
            <source>Add a copy of the selected row (or the last row) to edit</source>
            <translation>선택한 행(없으면 마지막 행)을 복사해 추가</translation>
        </message>
        <message>
            <source>Remove rows</source>
            <translation>행 삭제</translation>
        </message>
        <message>
            <source>Remove the selected rows</source>
            <translation>선택한 행 삭제</translation>
        </message>
        <message>
            <source>Use −1 / +1</source>
            <translation>−1 / +1 사용</translation>
        </message>
        <message>
            <source>Truth tables and class targets as −1 and +1 instead of 0 and 1</source>
            <translation>진리표와 클래스 목표값을 0과 1 대신 −1과 +1로</translation>
        </message>
        <message>
            <source>In the sample table, double-click a split, input or target to edit it; right-click for more.</source>
            <translation>샘플 표에서 구분, 입력, 목표를 더블클릭하면 편집할 수 있고, 오른쪽 클릭하면 메뉴가 나옵니다.</translation>
        </message>
        <message>
            <source>Circle</source>
            <translation>원</translation>
        </message>
        <message>
            <source>Quadrant XOR</source>
            <translation>사분면 XOR</translation>
        </message>
        <message>
            <source>Two clouds</source>
            <translation>두 무리</translation>
        </message>
        <message>
            <source>Spiral</source>
            <translation>나선</translation>
        </message>
        <message>
            <source>Moons</source>
            <translation>반달</translation>
        </message>
        <message>
            <source>Line (regression)</source>
            <translation>직선 (회귀)</translation>
        </message>
        <message>
            <source>Sine wave (regression)</source>
            <translation>사인파 (회귀)</translation>
        </message>
        <message>
            <source>House price (regression)</source>
            <translation>집값 (회귀)</translation>
        </message>
        <message>
            <source>classification</source>
            <translation>분류</translation>
        </message>
        <message>
            <source>regression</source>
            <translation>회귀</translation>
        </message>
        <message>
            <source>Now: %1 · %2 samples (%3 training, %4 validation, %5 test) · inputs: %6 · outputs: %7 · %8</source>
            <translation>현재: %1 · 샘플 %2개 (학습 %3, 검증 %4, 테스트 %5) · 입력 %6개 · 출력 %7개 · %8</translation>
        </message>
        <message>
            <source>Points can be added on the plot for 2-input classification data</source>
            <translation>입력이 2개인 분류 데이터에서만 그래프에 점을 추가할 수 있습니다</translation>
        </message>
        <message>
            <source>The class a click on the decision boundary adds</source>
            <translation>결정 경계를 클릭했을 때 추가되는 클래스</translation>
        </message>
        <message>
            <source>Every data value must lie from -%1 to %1; nothing was changed.</source>
            <translation>데이터 값은 모두 -%1 ~ %1 사이여야 합니다. 아무것도 바꾸지 않았습니다.</translation>
        </message>
        <message>
            <source>The data has one output, so the output layer is now sigmoid with the bce loss.</source>
            <translation>데이터의 출력이 하나뿐이라서 출력층을 sigmoid로, 손실을 bce로 바꾸었습니다.</translation>
        </message>
        <message>
            <source>use data %1</source>
            <translation>데이터 %1 사용</translation>
        </message>
        <message>
            <source>Data: %1 (%2 samples)</source>
            <translation>데이터: %1 (샘플 %2개)</translation>
        </message>
        <message>
            <source>The split is already like this.</source>
            <translation>이미 이렇게 나뉘어 있습니다.</translation>
        </message>
        <message>
            <source>split the data again</source>
            <translation>데이터 다시 분할</translation>
        </message>
        <message>
            <source>change a sample's split</source>
            <translation>샘플의 구분 변경</translation>
        </message>
        <message>
            <source>edit an input</source>
            <translation>입력 편집</translation>
        </message>
        <message>
            <source>edit a target</source>
            <translation>목표 편집</translation>
        </message>
        <message>
            <source>A data set can hold at most %1 samples.</source>
            <translation>데이터셋에는 샘플을 최대 %1개까지 넣을 수 있습니다.</translation>
        </message>
        <message>
            <source>add a sample</source>
            <translation>샘플 추가</translation>
        </message>
        <message>
            <source>Select the rows to remove first.</source>
            <translation>먼저 삭제할 행을 선택하세요.</translation>
        </message>
        <message>
            <source>At least one sample must remain; nothing was removed.</source>
            <translation>샘플이 하나 이상 남아야 하므로 아무것도 삭제하지 않았습니다.</translation>
        </message>
        <message>
            <source>remove a sample</source>
            <translation>샘플 삭제</translation>
        </message>
        <message>
            <source>remove %1 samples</source>
            <translation>샘플 %1개 삭제</translation>
        </message>
        <message>
            <source>change the split of %1 samples</source>
            <translation>샘플 %1개의 구분 변경</translation>
        </message>
        <message>
            <source>Select the rows to move first.</source>
            <translation>먼저 옮길 행을 선택하세요.</translation>
        </message>
        <message>
            <source>add a point</source>
            <translation>점 추가</translation>
        </message>
        <message>
            <source>remove a point</source>
            <translation>점 삭제</translation>
        </message>
        <message>
            <source>Could not import %1: %2.</source>
            <translation>%1을(를) 가져올 수 없습니다: %2.</translation>
        </message>
        <message>
            <source>import %1</source>
            <translation>%1 가져오기</translation>
        </message>
        <message>
            <source>Imported %1: %2 samples, %3 inputs, %4 outputs.</source>
            <translation>%1을(를) 가져왔습니다: 샘플 %2개, 입력 %3개, 출력 %4개.</translation>
        </message>
        <message>
            <source>Import data</source>
            <translation>데이터 가져오기</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>The columns are %1.
How many of the last columns are targets?</source>
            <translation>열: %1
마지막 몇 개 열이 목표값인가요?</translation>
        </message>
        <message>
            <source>Could not export %1: %2</source>
            <translation>%1을(를) 내보낼 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Exported the data to %1</source>
            <translation>데이터를 %1(으)로 내보냈습니다</translation>
        </message>
        <message>
            <source>Export data</source>
            <translation>데이터 내보내기</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>DataPanel</name>
        <message>
            <source>Samples</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>mini-batch</source>
            <translation>미니배치</translation>
        </message>
        <message>
            <source>selected sample</source>
            <translation>선택한 샘플</translation>
        </message>
        <message>
            <source>What the next step trains on: the next mini-batch or the selected row alone.</source>
            <translation>다음 스텝에서 학습할 대상: 다음 미니배치, 또는 선택한 행 하나</translation>
        </message>
        <message>
            <source>Step on:</source>
            <translation>학습 대상:</translation>
        </message>
        <message>
            <source>split</source>
            <translation>구분</translation>
        </message>
        <message>
            <source>Row number in the dataset</source>
            <translation>데이터셋의 행 번호</translation>
        </message>
        <message>
            <source>train, validation or test</source>
            <translation>학습, 검증 또는 테스트</translation>
        </message>
        <message>
            <source>Input %1</source>
            <translation>입력 %1</translation>
        </message>
        <message>
            <source>target %1</source>
            <translation>목표 %1</translation>
        </message>
        <message>
            <source>The target the network should output for %1</source>
            <translation>%1에 대해 신경망이 내야 할 목표값</translation>
        </message>
        <message>
            <source>output %1</source>
            <translation>출력 %1</translation>
        </message>
        <message>
            <source>The network's current output for %1</source>
            <translation>%1에 대한 신경망의 현재 출력</translation>
        </message>
        <message>
            <source>Output a of neuron %2 in hidden layer %1</source>
            <translation>은닉층 %1의 뉴런 %2의 출력 a</translation>
        </message>
        <message>
            <source>%1 samples, %2 in this step, %3 misclassified</source>
            <translation>샘플 %1개, 이번 스텝 %2개, 오분류 %3개</translation>
        </message>
        <message>
            <source>%1 samples, %2 in this step</source>
            <translation>샘플 %1개, 이번 스텝 %2개</translation>
        </message>
    </context>
    <context>
        <name>DerivativesPanel</name>
        <message>
            <source>Derivatives: forward and central differences</source>
            <translation>미분: 전방 차분과 중심 차분</translation>
        </message>
        <message>
            <source>f(x):</source>
            <translation>f(x):</translation>
        </message>
        <message>
            <source>typed f(x):</source>
            <translation>직접 입력한 f(x):</translation>
        </message>
        <message>
            <source>at x =</source>
            <translation>x =</translation>
        </message>
        <message>
            <source>step h =</source>
            <translation>간격 h =</translation>
        </message>
        <message>
            <source>precision:</source>
            <translation>정밀도:</translation>
        </message>
        <message>
            <source>Type a function…</source>
            <translation>함수 직접 입력…</translation>
        </message>
        <message>
            <source>value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>error</source>
            <translation>오차</translation>
        </message>
        <message>
            <source>formula</source>
            <translation>식</translation>
        </message>
        <message>
            <source>forward</source>
            <translation>전방</translation>
        </message>
        <message>
            <source>central</source>
            <translation>중심</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>정확한 값</translation>
        </message>
        <message>
            <source>step h</source>
            <translation>간격 h</translation>
        </message>
        <message>
            <source>error |estimate − exact|</source>
            <translation>오차 |추정값 − 정확한 값|</translation>
        </message>
        <message>
            <source>forward difference</source>
            <translation>전방 차분</translation>
        </message>
        <message>
            <source>central difference</source>
            <translation>중심 차분</translation>
        </message>
        <message>
            <source>slope 1: error ~ h</source>
            <translation>기울기 1: 오차 ~ h</translation>
        </message>
        <message>
            <source>slope 2: error ~ h²</source>
            <translation>기울기 2: 오차 ~ h²</translation>
        </message>
        <message>
            <source>x needs a number and h a number greater than 0.</source>
            <translation>x에는 숫자를, h에는 0보다 큰 숫자를 넣어 주세요.</translation>
        </message>
        <message>
            <source>With h = %1 in %2: x + h == x (floats next to x are %3 apart), so f(x + h) − f(x) = 0 and both differences are exactly 0.</source>
            <translation>h = %1, %2에서는 x + h == x입니다(x 근처의 부동소수점 수 간격이 %3). 그래서 f(x + h) − f(x) = 0이 되고 두 차분 모두 정확히 0입니다.</translation>
        </message>
        <message>
            <source>With h = %1 in %2, x + h differs from x (floats next to x are %3 apart).</source>
            <translation>h = %1, %2에서는 x + h가 x와 다릅니다(x 근처의 부동소수점 수 간격이 %3).</translation>
        </message>
    </context>
    <context>
        <name>ExportMenu</name>
        <message>
            <source>&amp;Export</source>
            <translation>내보내기(&amp;E)</translation>
        </message>
        <message>
            <source>Network diagram as PNG…</source>
            <extracomment>File ▸ Export, declared once: kind -&gt; (menu text, the letter of its two-stroke key under Ctrl+E, "export").</extracomment>
            <translation>신경망 그림 (PNG)…</translation>
        </message>
        <message>
            <source>Network diagram as SVG…</source>
            <translation>신경망 그림 (SVG)…</translation>
        </message>
        <message>
            <source>Loss plot as PNG…</source>
            <translation>손실 그래프 (PNG)…</translation>
        </message>
        <message>
            <source>Decision boundary as PNG…</source>
            <translation>결정 경계 (PNG)…</translation>
        </message>
        <message>
            <source>Loss per step as CSV…</source>
            <translation>스텝별 손실 (CSV)…</translation>
        </message>
        <message>
            <source>Epoch history as CSV…</source>
            <translation>에포크 기록 (CSV)…</translation>
        </message>
        <message>
            <source>Current step as Markdown…</source>
            <translation>현재 스텝 풀이 (Markdown)…</translation>
        </message>
        <message>
            <source>Current step as LaTeX…</source>
            <translation>현재 스텝 풀이 (LaTeX)…</translation>
        </message>
        <message>
            <source>Python script (NumPy)…</source>
            <translation>파이썬 스크립트 (NumPy)…</translation>
        </message>
        <message>
            <source>Python script (PyTorch)…</source>
            <translation>파이썬 스크립트 (PyTorch)…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Could not export to %1: %2</source>
            <translation>%1(으)로 내보낼 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>%1(으)로 내보냈습니다.</translation>
        </message>
        <message>
            <source>there is a decision boundary only for classification data with 2 inputs</source>
            <translation>결정 경계는 입력이 2개인 분류 데이터에만 있습니다</translation>
        </message>
    </context>
    <context>
        <name>FileDropFilter</name>
        <message>
            <source>Only a single Backprop Playground file (.json) can be opened by dropping it here.</source>
            <translation>여기에 끌어 놓아 열 수 있는 것은 Backprop Playground 파일(.json) 하나뿐입니다.</translation>
        </message>
    </context>
    <context>
        <name>FitPlot</name>
        <message>
            <source>train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>test</source>
            <translation>테스트</translation>
        </message>
        <message>
            <source>%1 (data)</source>
            <translation>%1 (데이터)</translation>
        </message>
        <message>
            <source>%1 (network)</source>
            <translation>%1 (신경망)</translation>
        </message>
        <message>
            <source>output</source>
            <translation>출력</translation>
        </message>
        <message>
            <source>prediction = target</source>
            <translation>예측 = 목표</translation>
        </message>
        <message>
            <source>target</source>
            <translation>목표</translation>
        </message>
        <message>
            <source>prediction</source>
            <translation>예측</translation>
        </message>
    </context>
    <context>
        <name>FlowPanel</name>
        <message>
            <source>Pause when… (%1 on)</source>
            <translation>일시 정지 조건… (%1개 켜짐)</translation>
        </message>
        <message>
            <source>Pause when…</source>
            <translation>일시 정지 조건…</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Click a weight on the network to watch it.</source>
            <translation>지켜볼 가중치를 신경망에서 클릭하세요.</translation>
        </message>
        <message>
            <source>Watching the weight from node (%1, %2) to node (%3, %4).</source>
            <translation>노드 (%1, %2)에서 노드 (%3, %4)로 가는 가중치를 지켜봅니다.</translation>
        </message>
        <message>
            <source>There are no training samples to measure.</source>
            <translation>측정할 학습 샘플이 없습니다.</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>층</translation>
        </message>
        <message>
            <source>numbers</source>
            <extracomment>Table columns: (key, header); the texts are set in retranslate(). The tabs by the names lesson files use (``view.flow.tab``). The window's actions that would change the network or train it: disabled while a past step is on view.</extracomment>
            <translation>수치</translation>
        </message>
        <message>
            <source>a</source>
            <translation>a</translation>
        </message>
        <message>
            <source>δ</source>
            <translation>δ</translation>
        </message>
        <message>
            <source>∂L/∂W</source>
            <translation>∂L/∂W</translation>
        </message>
        <message>
            <source>‖∂L/∂W‖</source>
            <translation>‖∂L/∂W‖</translation>
        </message>
        <message>
            <source>Δ/W</source>
            <translation>Δ/W</translation>
        </message>
        <message>
            <source>Each layer's numbers on the training set</source>
            <translation>학습 데이터에서 잰 층별 수치</translation>
        </message>
        <message>
            <source>Histogram of each layer's outputs a</source>
            <translation>층별 출력 a의 히스토그램</translation>
        </message>
        <message>
            <source>Histogram of each layer's δ = ∂L/∂z, on a log scale of its size</source>
            <translation>층별 δ = ∂L/∂z의 히스토그램 (크기의 로그 눈금)</translation>
        </message>
        <message>
            <source>Histogram of each layer's weight gradients ∂L/∂W, on a log scale of their size</source>
            <translation>층별 가중치 기울기 ∂L/∂W의 히스토그램 (크기의 로그 눈금)</translation>
        </message>
        <message>
            <source>Gradient norm per layer over the steps (log scale): a vanishing gradient shrinks layer by layer</source>
            <translation>스텝에 따른 층별 기울기 크기 (로그 눈금): 기울기 소실이면 층마다 작아집니다</translation>
        </message>
        <message>
            <source>log10 of update size / weight size per layer over the steps; the dashed line is the usual −3</source>
            <translation>스텝에 따른 층별 log10(갱신 크기 / 가중치 크기); 점선은 흔히 쓰는 기준 −3입니다</translation>
        </message>
        <message>
            <source>mean a</source>
            <translation>a 평균</translation>
        </message>
        <message>
            <source>std a</source>
            <translation>a 표준편차</translation>
        </message>
        <message>
            <source>satur.</source>
            <translation>포화</translation>
        </message>
        <message>
            <source>dead</source>
            <translation>죽음</translation>
        </message>
        <message>
            <source>log Δ/W</source>
            <translation>log Δ/W</translation>
        </message>
        <message>
            <source>Layer number and activation function</source>
            <translation>층 번호와 활성화 함수</translation>
        </message>
        <message>
            <source>Mean output of the layer's units over the training set</source>
            <translation>학습 데이터 전체에 대한 이 층 뉴런 출력의 평균</translation>
        </message>
        <message>
            <source>Spread of the layer's outputs</source>
            <translation>이 층 출력값의 퍼진 정도(표준편차)</translation>
        </message>
        <message>
            <source>Share of sigmoid/tanh outputs whose derivative is below 0.01: almost no gradient passes</source>
            <translation>미분값이 0.01보다 작은 시그모이드/tanh 출력의 비율: 기울기가 거의 전달되지 않습니다</translation>
        </message>
        <message>
            <source>Share of ReLU units that output 0 for every training sample: they no longer learn</source>
            <translation>모든 학습 샘플에서 0을 출력하는 ReLU 뉴런의 비율: 더 이상 학습하지 못합니다</translation>
        </message>
        <message>
            <source>Size of the gradient of the layer's weights and biases</source>
            <translation>이 층의 가중치와 편향에 대한 기울기의 크기</translation>
        </message>
        <message>
            <source>log10 of how much the last update moved the weights, relative to their size (about −3 is healthy)</source>
            <translation>마지막 갱신이 가중치를 그 크기에 비해 얼마나 움직였는지의 log10 (약 −3이 건강한 값)</translation>
        </message>
        <message>
            <source>share</source>
            <translation>비율</translation>
        </message>
        <message>
            <source>log10 |δ|</source>
            <translation>log10 |δ|</translation>
        </message>
        <message>
            <source>log10 |∂L/∂W|</source>
            <translation>log10 |∂L/∂W|</translation>
        </message>
        <message>
            <source>step</source>
            <translation>스텝</translation>
        </message>
        <message>
            <source>log10 ‖∂L/∂W‖</source>
            <translation>log10 ‖∂L/∂W‖</translation>
        </message>
        <message>
            <source>log10 update / weight</source>
            <translation>log10 갱신 / 가중치</translation>
        </message>
        <message>
            <source>History</source>
            <translation>기록</translation>
        </message>
        <message>
            <source>Drag back through training: every step's weights are kept (older ones thinned)</source>
            <translation>끌어서 학습 과정을 되돌아보세요: 모든 스텝의 가중치가 저장됩니다(오래된 것은 고르게 솎아냄)</translation>
        </message>
        <message>
            <source>Back to now</source>
            <translation>현재로 돌아가기</translation>
        </message>
        <message>
            <source>Continue from here</source>
            <translation>여기서부터 계속</translation>
        </message>
        <message>
            <source>Make the step on view the present (one undo step)</source>
            <translation>보고 있는 스텝을 현재로 만듭니다 (실행 취소 한 번)</translation>
        </message>
        <message>
            <source>the loss diverges</source>
            <translation>손실이 발산할 때</translation>
        </message>
        <message>
            <source>a neuron dies</source>
            <translation>뉴런이 죽을 때</translation>
        </message>
        <message>
            <source>the watched weight changes sign</source>
            <translation>지켜보는 가중치의 부호가 바뀔 때</translation>
        </message>
        <message>
            <source>training accuracy reaches 100 %</source>
            <translation>학습 정확도가 100 %에 이를 때</translation>
        </message>
        <message>
            <source>the validation loss rises</source>
            <translation>검증 손실이 올라갈 때</translation>
        </message>
        <message>
            <source>rising epochs:</source>
            <translation>연속 상승 에포크:</translation>
        </message>
        <message>
            <source>How many epochs in a row the validation loss must rise</source>
            <translation>검증 손실이 몇 에포크 연속으로 올라가야 멈출지</translation>
        </message>
        <message>
            <source>Step %1 · measured on the %2 training samples</source>
            <translation>스텝 %1 · 학습 샘플 %2개로 측정</translation>
        </message>
        <message>
            <source>Now: step %1 · %2 steps kept</source>
            <translation>현재: 스텝 %1 · 저장된 스텝 %2개</translation>
        </message>
        <message>
            <source>Viewing step %1 (read-only)</source>
            <translation>스텝 %1 보는 중 (읽기 전용)</translation>
        </message>
        <message>
            <source>Inside the network</source>
            <translation>신경망 속 들여다보기</translation>
        </message>
        <message>
            <source>Viewing step %1 of the history (read-only). Back to now or continue from here.</source>
            <translation>기록의 스텝 %1을 보는 중입니다 (읽기 전용). 현재로 돌아가거나 여기서부터 계속하세요.</translation>
        </message>
    </context>
    <context>
        <name>FlowRecorder</name>
        <message>
            <source>Paused after step %1: neuron (%2, %3) died — its ReLU outputs 0 for every training sample.</source>
            <translation>스텝 %1 후 일시 정지: 뉴런 (%2, %3)이 죽었습니다 — 이 ReLU는 모든 학습 샘플에서 0을 출력합니다.</translation>
        </message>
        <message>
            <source>Paused after step %1: the weight from node (%2, %3) to node (%4, %5) changed sign: %6 → %7.</source>
            <translation>스텝 %1 후 일시 정지: 노드 (%2, %3)에서 노드 (%4, %5)로 가는 가중치의 부호가 바뀌었습니다: %6 → %7.</translation>
        </message>
        <message>
            <source>Paused after step %1: every training sample is classified right (training accuracy 100 %).</source>
            <translation>스텝 %1 후 일시 정지: 모든 학습 샘플을 맞혔습니다 (학습 정확도 100 %).</translation>
        </message>
        <message>
            <source>Paused after step %1: the validation loss rose %2 epochs in a row, from %3 to %4.</source>
            <translation>스텝 %1 후 일시 정지: 검증 손실이 %2 에포크 연속으로 %3에서 %4로 올라갔습니다.</translation>
        </message>
        <message>
            <source>Paused after step %1: the loss diverged (%2).</source>
            <translation>스텝 %1 후 일시 정지: 손실이 발산했습니다 (%2).</translation>
        </message>
        <message>
            <source>Early stopping: the validation loss stopped improving, so the weights after epoch %1, the best on the validation set, are back.</source>
            <extracomment>A breakpoint fired, or early stopping restored the best weights (a status sentence); training has paused. A past step is on view (its number), or None: back to the present.</extracomment>
            <translation>조기 종료: 검증 손실이 더 나아지지 않아, 검증 데이터에서 가장 좋았던 에포크 %1 뒤의 가중치로 되돌렸습니다.</translation>
        </message>
        <message>
            <source>continue from step %1</source>
            <translation>스텝 %1부터 계속</translation>
        </message>
    </context>
    <context>
        <name>FunctionLab</name>
        <message>
            <source>Save the plot</source>
            <translation>그래프 저장</translation>
        </message>
        <message>
            <source>2-D function lab: gradients and descent paths</source>
            <translation>2차원 함수 실험실: 기울기와 하강 경로</translation>
        </message>
        <message>
            <source>Function</source>
            <translation>함수</translation>
        </message>
        <message>
            <source>Preset:</source>
            <translation>예제 설정:</translation>
        </message>
        <message>
            <source>f(x0, x1):</source>
            <translation>f(x0, x1):</translation>
        </message>
        <message>
            <source>Type a function…</source>
            <translation>함수 직접 입력…</translation>
        </message>
        <message>
            <source>e.g. x0^2 + x1^2 or sin(x0) * x1</source>
            <translation>예: x0^2 + x1^2 또는 sin(x0) * x1</translation>
        </message>
        <message>
            <source>Start (x0, x1):</source>
            <translation>시작점 (x0, x1):</translation>
        </message>
        <message>
            <source>Arrows at np.arange(start, stop, step):</source>
            <translation>화살표 위치 np.arange(시작, 끝, 간격):</translation>
        </message>
        <message>
            <source>Numerical gradient for the paths (h = 1e-4), as in the note</source>
            <translation>경로에 수치 미분 기울기 사용 (h = 1e-4, 노트와 같이)</translation>
        </message>
        <message>
            <source>Optimizers</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <source>steps</source>
            <translation>스텝</translation>
        </message>
        <message>
            <source>Ledger of one step</source>
            <translation>한 단계의 계산 기록</translation>
        </message>
        <message>
            <source>Animate</source>
            <translation>애니메이션</translation>
        </message>
        <message>
            <source>Gradient at (x0, x1):</source>
            <translation>(x0, x1)에서의 기울기:</translation>
        </message>
        <message>
            <source>Plot as PNG…</source>
            <translation>그래프 PNG…</translation>
        </message>
        <message>
            <source>Path as CSV…</source>
            <translation>경로 CSV…</translation>
        </message>
        <message>
            <source>Ledger as Markdown…</source>
            <translation>계산 기록 Markdown…</translation>
        </message>
        <message>
            <source>The start point needs two numbers.</source>
            <translation>시작점에는 숫자 두 개가 필요합니다.</translation>
        </message>
        <message>
            <source>The arrow grid needs start, stop, step (at most 60 steps).</source>
            <translation>화살표 격자에는 시작, 끝, 간격이 필요합니다(최대 60칸).</translation>
        </message>
        <message>
            <source>needs lr ≥ 0 and 0–%1 steps</source>
            <translation>학습률 ≥ 0, 단계 수 0–%1 필요</translation>
        </message>
        <message>
            <source>%1 is stable while lr &lt; %2 (λ_max = %3)%4</source>
            <translation>%1은(는) 학습률 &lt; %2에서 안정적입니다 (λ_max = %3)%4</translation>
        </message>
        <message>
            <source>: this lr is past the limit</source>
            <translation>: 지금 학습률은 한계를 넘었습니다</translation>
        </message>
        <message>
            <source>A saddle: along x1 every learning rate moves away.</source>
            <translation>안장점: x1 방향으로는 어떤 학습률이든 멀어집니다.</translation>
        </message>
        <message>
            <source>step %1</source>
            <translation>%1단계</translation>
        </message>
        <message>
            <source>Move the slider to a step (1 or more) to see its update written out.</source>
            <translation>슬라이더를 1 이상의 단계로 옮기면 그 단계의 갱신 계산이 나타납니다.</translation>
        </message>
        <message>
            <source>%1, step %2</source>
            <translation>%1, %2단계</translation>
        </message>
        <message>
            <source>effective step size per coordinate: %1, %2</source>
            <translation>좌표별 실제 보폭(유효 학습률): %1, %2</translation>
        </message>
        <message>
            <source>Type two numbers, e.g. 3, 4.</source>
            <translation>숫자 두 개를 입력하세요. 예: 3, 4</translation>
        </message>
        <message>
            <source>exact: (%1, %2)</source>
            <translation>정확한 값: (%1, %2)</translation>
        </message>
        <message>
            <source>at (%1, %2): f = %3, numerical ∇f = (%4, %5)</source>
            <translation>(%1, %2)에서 f = %3, 수치 미분 ∇f = (%4, %5)</translation>
        </message>
        <message>
            <source>Save the path</source>
            <translation>경로 저장</translation>
        </message>
        <message>
            <source>Save the ledger</source>
            <translation>계산 기록 저장</translation>
        </message>
    </context>
    <context>
        <name>GradientCheckLine</name>
        <message>
            <source>Gradient check: h needs a number greater than 0.</source>
            <translation>기울기 검사: h에는 0보다 큰 숫자를 넣어 주세요.</translation>
        </message>
        <message>
            <source>Gradient check: backprop %1, central difference %2, relative error %3 (%4)</source>
            <translation>기울기 검사: 역전파 %1, 중심 차분 %2, 상대 오차 %3 (%4)</translation>
        </message>
        <message>
            <source>— a ReLU/step input crossed 0 within ±h.</source>
            <translation>— ±h 안에서 ReLU/계단 함수 입력이 0을 넘나듭니다.</translation>
        </message>
    </context>
    <context>
        <name>GradientCheckWindow</name>
        <message>
            <source>Gradient check: backprop against finite differences</source>
            <translation>기울기 검사: 역전파와 수치 미분 비교</translation>
        </message>
        <message>
            <source>step h =</source>
            <translation>간격 h =</translation>
        </message>
        <message>
            <source>Check every parameter</source>
            <translation>모든 매개변수 검사</translation>
        </message>
        <message>
            <source>parameter</source>
            <translation>매개변수</translation>
        </message>
        <message>
            <source>backprop ∂L/∂w</source>
            <translation>역전파 ∂L/∂w</translation>
        </message>
        <message>
            <source>numerical</source>
            <translation>수치 미분</translation>
        </message>
        <message>
            <source>relative error</source>
            <translation>상대 오차</translation>
        </message>
        <message>
            <source>verdict</source>
            <translation>판정</translation>
        </message>
        <message>
            <source>kink</source>
            <translation>꺾임점</translation>
        </message>
        <message>
            <source>h needs a number greater than 0, e.g. 1e-4.</source>
            <translation>h에는 0보다 큰 숫자를 넣어 주세요. 예: 1e-4</translation>
        </message>
        <message>
            <source>a ReLU/step input crossed 0</source>
            <translation>ReLU/계단 함수 입력이 0을 넘나듦</translation>
        </message>
        <message>
            <source>The network has no parameters to check.</source>
            <translation>검사할 매개변수가 없습니다.</translation>
        </message>
        <message>
            <source>%1 parameters; the worst relative error is %2 (%3).</source>
            <translation>매개변수 %1개, 가장 큰 상대 오차는 %2 (%3)입니다.</translation>
        </message>
        <message>
            <source>%1 of them sit near a ReLU/step corner: there a finite difference can disagree with a correct backprop.</source>
            <translation>그중 %1개는 ReLU/계단 함수의 꺾임점 근처에 있어, 역전파가 맞아도 수치 미분과 다를 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>GradientLab</name>
        <message>
            <source>Type a function, for example x0^2 + x1^2.</source>
            <extracomment>One colour per optimizer (Okabe-Ito: distinct under colour-vision deficiencies). How each optimizer is named on screen (names of algorithms: the same in both languages). Colour per gradient-check verdict (good, fine, suspicious, wrong). code -&gt; sentence template (%1 = character position from 1, %2 = the offending text, %3 = a number).</extracomment>
            <translation>함수를 입력하세요. 예: x0^2 + x1^2</translation>
        </message>
        <message>
            <source>The function is too long: at most %3 characters.</source>
            <translation>함수가 너무 깁니다. 최대 %3자까지 입력할 수 있습니다.</translation>
        </message>
        <message>
            <source>Character %1: too many nested parentheses or signs (at most %3 levels).</source>
            <translation>%1번째 글자: 괄호나 부호가 너무 깊이 겹쳐 있습니다(최대 %3단계).</translation>
        </message>
        <message>
            <source>Character %1: '%2' cannot be used; write numbers, x0, x1, + − * / ^, parentheses and functions like sin.</source>
            <translation>%1번째 글자: '%2'은(는) 쓸 수 없습니다. 숫자, x0, x1, + − * / ^, 괄호, sin 같은 함수를 쓰세요.</translation>
        </message>
        <message>
            <source>Character %1: '%2' is not a number.</source>
            <translation>%1번째 글자: '%2'은(는) 숫자가 아닙니다.</translation>
        </message>
        <message>
            <source>Character %1: '%2' is unknown; use x0, x1, pi, e or a function like sin, exp or sqrt.</source>
            <translation>%1번째 글자: '%2'은(는) 알 수 없는 이름입니다. x0, x1, pi, e 또는 sin, exp, sqrt 같은 함수를 쓰세요.</translation>
        </message>
        <message>
            <source>Character %1: a '.' after a name is not allowed.</source>
            <translation>%1번째 글자: 이름 뒤에 '.'을 쓸 수 없습니다.</translation>
        </message>
        <message>
            <source>Character %1: '%2' is not a function; is a * missing before the '('?</source>
            <translation>%1번째 글자: '%2'은(는) 함수가 아닙니다. '(' 앞에 *가 빠지지 않았나요?</translation>
        </message>
        <message>
            <source>Character %1: '%2' needs its argument in parentheses, for example %2(x0).</source>
            <translation>%1번째 글자: '%2'의 인수는 괄호 안에 써야 합니다. 예: %2(x0)</translation>
        </message>
        <message>
            <source>Character %1: '%2' takes %3 argument(s).</source>
            <translation>%1번째 글자: '%2'에는 인수가 %3개 필요합니다.</translation>
        </message>
        <message>
            <source>Character %1: a number, a variable or '(' is missing here.</source>
            <translation>%1번째 글자: 여기에 숫자, 변수 또는 '('가 빠졌습니다.</translation>
        </message>
        <message>
            <source>Character %1: an operator is missing before '%2' (write 2*x0, not 2x0).</source>
            <translation>%1번째 글자: '%2' 앞에 연산자가 빠졌습니다(2x0이 아니라 2*x0으로 쓰세요).</translation>
        </message>
        <message>
            <source>Character %1: this '(' is never closed.</source>
            <translation>%1번째 글자: 이 '('가 닫히지 않았습니다.</translation>
        </message>
        <message>
            <source>Character %1: this ')' has no matching '('.</source>
            <translation>%1번째 글자: 이 ')'에 맞는 '('가 없습니다.</translation>
        </message>
        <message>
            <source>Note 003: x0² + x1² from (−3, 4), lr 0.1, 20 steps</source>
            <extracomment>name -&gt; (function key, start, {optimizer: (lr, steps)}, shown title (source text))</extracomment>
            <translation>노트 003: x0² + x1², 시작 (−3, 4), 학습률 0.1, 20단계</translation>
        </message>
        <message>
            <source>Learning rate too large: lr 10, 100 steps</source>
            <translation>너무 큰 학습률: 10, 100단계</translation>
        </message>
        <message>
            <source>Learning rate too small: lr 1e-10, 100 steps</source>
            <translation>너무 작은 학습률: 1e-10, 100단계</translation>
        </message>
        <message>
            <source>x0²/20 + x1²: SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3</source>
            <translation>x0²/20 + x1²: SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3</translation>
        </message>
        <message>
            <source>converged</source>
            <translation>수렴함</translation>
        </message>
        <message>
            <source>still moving</source>
            <translation>아직 이동 중</translation>
        </message>
        <message>
            <source>oscillating</source>
            <translation>진동함</translation>
        </message>
        <message>
            <source>diverged</source>
            <translation>발산함</translation>
        </message>
        <message>
            <source>good</source>
            <translation>좋음</translation>
        </message>
        <message>
            <source>fine (expected near a kink)</source>
            <translation>괜찮음 (꺾임점 근처라면 정상)</translation>
        </message>
        <message>
            <source>suspicious</source>
            <translation>의심스러움</translation>
        </message>
        <message>
            <source>wrong</source>
            <translation>틀림</translation>
        </message>
        <message>
            <source>&amp;Lab</source>
            <translation>실험실(&amp;L)</translation>
        </message>
        <message>
            <source>Derivatives (1-D)…</source>
            <extracomment>Two-stroke keys: Ctrl+K, then the window's letter (Ctrl+L is taken by "add hidden layer").</extracomment>
            <translation>미분 (1차원)…</translation>
        </message>
        <message>
            <source>Forward and central differences beside the exact derivative</source>
            <translation>전방 차분과 중심 차분을 정확한 미분과 나란히 비교</translation>
        </message>
        <message>
            <source>2-D function lab…</source>
            <translation>2차원 함수 실험실…</translation>
        </message>
        <message>
            <source>Gradient field and descent paths of six optimizers</source>
            <translation>기울기 벡터장과 옵티마이저 여섯 가지의 하강 경로</translation>
        </message>
        <message>
            <source>Gradient check…</source>
            <translation>기울기 검사…</translation>
        </message>
        <message>
            <source>Backprop against finite differences for every parameter</source>
            <translation>모든 매개변수에서 역전파와 수치 미분 비교</translation>
        </message>
        <message>
            <source>Loss landscape…</source>
            <translation>손실 지형…</translation>
        </message>
        <message>
            <source>The loss over two parameters, and along the gradient</source>
            <translation>두 매개변수에 대한 손실과 기울기 방향의 손실</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Value:</source>
            <translation>값:</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>적용</translation>
        </message>
        <message>
            <source>Type a number and press Enter</source>
            <translation>숫자를 입력하고 Enter를 누르세요</translation>
        </message>
        <message>
            <source>Click a node or a weight to see its numbers.</source>
            <translation>노드나 가중치를 클릭하면 계산 과정이 나타납니다.</translation>
        </message>
        <message>
            <source>Input node %1 (%2)</source>
            <translation>입력 노드 %1 (%2)</translation>
        </message>
        <message>
            <source>Output node (%1, %2)</source>
            <translation>출력 노드 (%1, %2)</translation>
        </message>
        <message>
            <source>Hidden node (%1, %2): layer %1, neuron %2</source>
            <translation>은닉 노드 (%1, %2): %1층, 뉴런 %2</translation>
        </message>
        <message>
            <source>Weight (%1, %2, %3): from node (%1, %2) to node (%4, %3)</source>
            <translation>가중치 (%1, %2, %3): 노드 (%1, %2) → 노드 (%4, %3)</translation>
        </message>
        <message>
            <source>Just computed in the phase %1:</source>
            <translation>%1 단계에서 방금 계산한 값:</translation>
        </message>
        <message>
            <source>Values of sample #%1 (row %3 of the batch of %2):</source>
            <translation>샘플 #%1의 값 (배치 %2개 중 %3번째):</translation>
        </message>
        <message>
            <source>A step layer passes no gradient back (its derivative is 0): the weights into it, and everything before it, get 0.</source>
            <translation>계단(step) 층은 기울기를 뒤로 전달하지 않습니다(도함수가 0). 그 층으로 들어오는 가중치와 그 앞의 모든 가중치의 기울기는 0입니다.</translation>
        </message>
    </context>
    <context>
        <name>LandscapeWindow</name>
        <message>
            <source>Loss landscape of two parameters</source>
            <translation>두 매개변수의 손실 지형</translation>
        </message>
        <message>
            <source>The two with the largest gradient</source>
            <translation>기울기가 가장 큰 두 개</translation>
        </message>
        <message>
            <source>range ±</source>
            <translation>범위 ±</translation>
        </message>
        <message>
            <source>t in θ − t·∇L (the dashed line: the step lr)</source>
            <translation>θ − t·∇L의 t (점선: 학습률만큼의 한 걸음)</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>Pick two different parameters.</source>
            <translation>서로 다른 매개변수 두 개를 고르세요.</translation>
        </message>
        <message>
            <source>The range needs a number greater than 0.</source>
            <translation>범위에는 0보다 큰 숫자를 넣어 주세요.</translation>
        </message>
        <message>
            <source>loss %1 at (%2, %3); ∂L = (%4, %5); log₁₀ loss in colour, −∇ as the red arrow</source>
            <translation>(%2, %3)에서 손실 %1, ∂L = (%4, %5). 색은 log₁₀ 손실, 빨간 화살표는 −∇입니다.</translation>
        </message>
    </context>
    <context>
        <name>LessonPanel</name>
        <message>
            <source>No lesson text: build a network and experiment.</source>
            <translation>수업 설명이 없습니다. 신경망을 만들어 자유롭게 실험해 보세요.</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
    </context>
    <context>
        <name>LossPlot</name>
        <message>
            <source>training loss (step)</source>
            <extracomment>Groups of steps (each drawn as its min and max) per curve once a run outgrows them: a few per pixel.</extracomment>
            <translation>학습 손실 (스텝)</translation>
        </message>
        <message>
            <source>training loss (epoch)</source>
            <translation>학습 손실 (에포크)</translation>
        </message>
        <message>
            <source>validation loss</source>
            <translation>검증 손실</translation>
        </message>
        <message>
            <source>steps</source>
            <translation>스텝</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>로그 눈금</translation>
        </message>
        <message>
            <source>x axis:</source>
            <translation>x축:</translation>
        </message>
        <message>
            <source>step</source>
            <translation>스텝</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>step %1: loss %2</source>
            <translation>스텝 %1: 손실 %2</translation>
        </message>
        <message>
            <source>epoch %1: loss %2</source>
            <translation>에포크 %1: 손실 %2</translation>
        </message>
        <message>
            <source>epoch %1: validation loss %2</source>
            <translation>에포크 %1: 검증 손실 %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Lesson</source>
            <translation>수업 안내</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>학습 설정</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>계산 상세</translation>
        </message>
        <message>
            <source>Decision boundary</source>
            <translation>결정 경계</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>회귀 곡선</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>forward (z, a, w)</source>
            <extracomment>Emitted at the end of retranslate(): feature modules re-set their own strings. Emitted after a document is loaded (path or None). Emitted after the document was saved to a file (its Path). Emitted when a close was accepted (the work was saved, clean, or knowingly discarded).</extracomment>
            <translation>순전파 (z, a, w)</translation>
        </message>
        <message>
            <source>backward (δ, ∂L/∂w)</source>
            <translation>역전파 (δ, ∂L/∂w)</translation>
        </message>
        <message>
            <source>Phase: %1 · step %2 · epoch %3</source>
            <translation>단계: %1 · 스텝 %2 · 에포크 %3</translation>
        </message>
        <message>
            <source> · the loss is too large to compute: press Reset or lower the weights</source>
            <translation> · 손실이 너무 커서 계산할 수 없습니다: 초기화하거나 가중치를 줄이세요</translation>
        </message>
        <message>
            <source> · loss %1</source>
            <translation> · 손실 %1</translation>
        </message>
        <message>
            <source> · last loss %1</source>
            <translation> · 마지막 손실 %1</translation>
        </message>
        <message>
            <source>The translation for %1 is missing; staying in English.</source>
            <translation>%1 번역 파일이 없어 영어로 계속 표시합니다.</translation>
        </message>
        <message>
            <source>The network has unsaved changes. Save them first?</source>
            <translation>신경망에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>%1 파일을 열 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Open network</source>
            <translation>신경망 열기</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>%1 파일에 저장할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1에 저장했습니다.</translation>
        </message>
        <message>
            <source>Save network</source>
            <translation>신경망 저장</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>The translation context of every text below (marked with QT_TRANSLATE_NOOP so pyside6-lupdate finds them).</extracomment>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>Panels</source>
            <translation>패널</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <source>E&amp;xamples</source>
            <translation>예제(&amp;X)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>Backprop Playground: draw a small neural network, set every number by hand and step through training one phase at a time.</source>
            <translation>Backprop Playground: 작은 신경망을 그리고, 모든 값을 직접 정하고, 학습 과정을 한 단계씩 따라가 봅니다.</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>새로 만들기(&amp;N)</translation>
        </message>
        <message>
            <source>Start a new network on XOR</source>
            <translation>XOR 데이터로 새 신경망 시작</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a saved network</source>
            <translation>저장한 신경망 열기</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>Save the network, data and settings</source>
            <translation>신경망, 데이터, 설정 저장</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <source>Save under a new name</source>
            <translation>새 이름으로 저장</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>Close the playground</source>
            <translation>프로그램 닫기</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>실행 취소</translation>
        </message>
        <message>
            <source>Undo the last edit</source>
            <translation>마지막 편집 취소</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>다시 실행</translation>
        </message>
        <message>
            <source>Redo the edit you undid</source>
            <translation>취소한 편집 다시 실행</translation>
        </message>
        <message>
            <source>Add hidden layer</source>
            <translation>은닉층 추가</translation>
        </message>
        <message>
            <source>Insert a hidden layer before the output</source>
            <translation>출력층 앞에 은닉층 삽입</translation>
        </message>
        <message>
            <source>Backward view</source>
            <translation>역전파 보기</translation>
        </message>
        <message>
            <source>Show δ and ∂L/∂w instead of z, a and w</source>
            <translation>z, a, w 대신 δ와 ∂L/∂w 표시</translation>
        </message>
        <message>
            <source>Node by node</source>
            <translation>노드별 진행</translation>
        </message>
        <message>
            <source>Step the forward pass one node at a time</source>
            <translation>순전파를 노드 하나씩 진행</translation>
        </message>
        <message>
            <source>Neuron maps</source>
            <translation>뉴런 지도</translation>
        </message>
        <message>
            <source>Show each hidden neuron's output map on its node</source>
            <translation>은닉 뉴런의 출력 지도를 각 노드에 표시</translation>
        </message>
        <message>
            <source>Log-scale loss</source>
            <translation>손실 로그 눈금</translation>
        </message>
        <message>
            <source>Plot the loss on a logarithmic axis</source>
            <translation>손실을 로그 눈금 축에 그리기</translation>
        </message>
        <message>
            <source>Fit network</source>
            <translation>전체 보기</translation>
        </message>
        <message>
            <source>Zoom to show the whole network</source>
            <translation>신경망 전체가 보이도록 확대·축소</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>확대</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>축소</translation>
        </message>
        <message>
            <source>Step ▶</source>
            <translation>다음 단계 ▶</translation>
        </message>
        <message>
            <source>Next phase of the training step</source>
            <translation>학습 스텝의 다음 단계로</translation>
        </message>
        <message>
            <source>◀ Back</source>
            <translation>◀ 이전</translation>
        </message>
        <message>
            <source>Previous phase (restores the weights across an update)</source>
            <translation>이전 단계로 (갱신을 되돌리면 가중치도 복원)</translation>
        </message>
        <message>
            <source>Finish step ▶▶</source>
            <translation>스텝 완료 ▶▶</translation>
        </message>
        <message>
            <source>Run the rest of this step up to the update</source>
            <translation>이번 스텝의 남은 단계를 갱신까지 실행</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>Train one whole epoch</source>
            <translation>에포크 하나를 끝까지 학습</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Train continuously; press again to pause</source>
            <translation>계속 학습합니다. 다시 누르면 일시 정지</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>Back to the same starting weights</source>
            <translation>처음과 같은 초기 가중치로 되돌리기</translation>
        </message>
        <message>
            <source>Re-randomise</source>
            <translation>무작위 재설정</translation>
        </message>
        <message>
            <source>New random starting weights</source>
            <translation>새 무작위 초기 가중치</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>단축키 목록(&amp;K)</translation>
        </message>
        <message>
            <source>Every command and its keys</source>
            <translation>모든 명령과 단축키</translation>
        </message>
        <message>
            <source>About</source>
            <translation>프로그램 정보</translation>
        </message>
        <message>
            <source>About Backprop Playground</source>
            <translation>Backprop Playground 정보</translation>
        </message>
        <message>
            <source> Speed </source>
            <translation> 속도 </translation>
        </message>
        <message>
            <source>Show: </source>
            <translation>표시: </translation>
        </message>
        <message>
            <source> Digits </source>
            <translation> 자릿수 </translation>
        </message>
        <message>
            <source>Inside the network</source>
            <translation>신경망 속 들여다보기</translation>
        </message>
        <message>
            <source>Per-layer activations and gradients, a history of every step, breakpoints</source>
            <translation>층별 활성화와 기울기, 모든 스텝의 기록, 일시 정지 조건</translation>
        </message>
        <message>
            <source>Dead and saturated units on the network</source>
            <translation>신경망에 죽은 뉴런과 포화된 뉴런 표시</translation>
        </message>
        <message>
            <source>Grey out dead ReLU units, ring saturated sigmoid/tanh units and write each layer's gradient norm ‖∂L/∂W‖ above it</source>
            <translation>죽은 ReLU 뉴런은 회색으로, 포화된 시그모이드/tanh 뉴런은 고리로 표시하고 각 층 위에 기울기 노름 ‖∂L/∂W‖를 씁니다</translation>
        </message>
    </context>
    <context>
        <name>ModelText</name>
        <message>
            <source>Training stopped: the loss became %1 (diverged). Lower the learning rate and press Reset to start again.</source>
            <extracomment>The template of each message code (model.messages.ENGLISH has the same sentences with {0}, {1} ...).</extracomment>
            <translation>학습 중단: 손실이 발산했습니다 (%1). 학습률을 낮추고 초기화를 눌러 다시 시작하세요.</translation>
        </message>
        <message>
            <source>The loss is %1, far above where it started: this learning rate makes training diverge.</source>
            <translation>손실(%1)이 처음보다 훨씬 커졌습니다. 이 학습률로는 학습이 발산합니다.</translation>
        </message>
        <message>
            <source>Training stopped: the update would make a weight infinite or NaN (the learning rate is probably too large).</source>
            <translation>학습 중단: 이번 갱신으로 가중치가 무한대나 NaN이 됩니다 (학습률이 너무 큰 것 같습니다).</translation>
        </message>
        <message>
            <source>Early stopping: the validation loss has not improved for %1 epochs.</source>
            <translation>조기 종료: 검증 손실이 %1 에포크 동안 나아지지 않았습니다.</translation>
        </message>
        <message>
            <source>Nothing to step back to.</source>
            <translation>더 되돌아갈 단계가 없습니다.</translation>
        </message>
        <message>
            <source>There are no training samples to step on.</source>
            <translation>학습할 샘플이 없습니다.</translation>
        </message>
        <message>
            <source>The update was refused.</source>
            <translation>갱신이 거부되었습니다.</translation>
        </message>
        <message>
            <source>A network needs an input and an output layer.</source>
            <translation>신경망에는 입력층과 출력층이 필요합니다.</translation>
        </message>
        <message>
            <source>At most %1 hidden layers are allowed.</source>
            <translation>은닉층은 최대 %1개까지 만들 수 있습니다.</translation>
        </message>
        <message>
            <source>A layer can have at most %1 neurons.</source>
            <translation>한 층에는 뉴런을 최대 %1개까지 둘 수 있습니다.</translation>
        </message>
        <message>
            <source>The network needs one activation per layer (%1), not %2.</source>
            <translation>층마다 활성화 함수가 하나씩(%1개) 필요한데 %2개입니다.</translation>
        </message>
        <message>
            <source>The network needs one bias flag per layer (%1), not %2.</source>
            <translation>층마다 편향 설정이 하나씩(%1개) 필요한데 %2개입니다.</translation>
        </message>
        <message>
            <source>Unknown initialisation %1; choose one of %2.</source>
            <translation>알 수 없는 초기화 방식 %1입니다. %2 중에서 고르세요.</translation>
        </message>
        <message>
            <source>Unknown activation %1; choose one of %2.</source>
            <translation>알 수 없는 활성화 함수 %1입니다. %2 중에서 고르세요.</translation>
        </message>
        <message>
            <source>Unknown loss %1; choose one of %2.</source>
            <translation>알 수 없는 손실 %1입니다. %2 중에서 고르세요.</translation>
        </message>
        <message>
            <source>The cross_entropy loss needs at least 2 outputs (classes); use bce for one output.</source>
            <translation>cross_entropy 손실에는 출력(클래스)이 2개 이상 필요합니다. 출력이 하나면 bce를 쓰세요.</translation>
        </message>
        <message>
            <source>The network needs %1 weight matrices and bias vectors.</source>
            <translation>신경망에는 가중치 행렬과 편향 벡터가 %1개씩 필요합니다.</translation>
        </message>
        <message>
            <source>Weights %1 must have shape %2, not %3.</source>
            <translation>가중치 %1의 모양은 %3이 아니라 %2여야 합니다.</translation>
        </message>
        <message>
            <source>Biases %1 must have shape %2.</source>
            <translation>편향 %1의 모양은 %2여야 합니다.</translation>
        </message>
        <message>
            <source>A hidden layer needs at least one neuron; remove the layer instead.</source>
            <translation>은닉층에는 뉴런이 하나 이상 있어야 합니다. 대신 층을 제거하세요.</translation>
        </message>
        <message>
            <source>Neurons can only be added to hidden layers.</source>
            <translation>뉴런은 은닉층에만 추가할 수 있습니다.</translation>
        </message>
        <message>
            <source>Neurons can only be removed from hidden layers.</source>
            <translation>뉴런은 은닉층에서만 제거할 수 있습니다.</translation>
        </message>
        <message>
            <source>Only hidden layers can be removed.</source>
            <translation>은닉층만 제거할 수 있습니다.</translation>
        </message>
        <message>
            <source>A hidden layer can be inserted at positions 1 to %1.</source>
            <translation>은닉층은 1번부터 %1번 위치까지 삽입할 수 있습니다.</translation>
        </message>
        <message>
            <source>A hidden layer needs 1 to %1 neurons and a hidden activation.</source>
            <translation>은닉층에는 뉴런 1~%1개와 은닉층용 활성화 함수가 필요합니다.</translation>
        </message>
        <message>
            <source>Layer %1 has no neuron %2.</source>
            <translation>%1층에는 뉴런 %2이(가) 없습니다.</translation>
        </message>
        <message>
            <source>A layer needs 1 to %1 neurons, not %2.</source>
            <translation>한 층의 뉴런 수는 1~%1개여야 합니다 (지금 %2).</translation>
        </message>
        <message>
            <source>%1 can only be the activation of the output layer.</source>
            <translation>%1은(는) 출력층의 활성화 함수로만 쓸 수 있습니다.</translation>
        </message>
        <message>
            <source>The %1 loss needs a %2 output layer.</source>
            <translation>%1 손실에는 %2 출력층이 필요합니다.</translation>
        </message>
        <message>
            <source>Layer %1 has a parameter that is not a finite number.</source>
            <translation>%1층에 유한하지 않은 매개변수가 있습니다.</translation>
        </message>
        <message>
            <source>ready</source>
            <extracomment>Phase kinds and their templates (%1 = the layer, or "layer.node" in node-by-node mode).</extracomment>
            <translation>준비</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실 계산</translation>
        </message>
        <message>
            <source>update</source>
            <translation>갱신</translation>
        </message>
        <message>
            <source>forward %1</source>
            <translation>순전파 %1</translation>
        </message>
        <message>
            <source>delta %1</source>
            <translation>델타 %1</translation>
        </message>
        <message>
            <source>gradient %1</source>
            <translation>기울기 %1</translation>
        </message>
        <message>
            <source>Message (in English): %1</source>
            <translation>메시지 (영문): %1</translation>
        </message>
        <message>
            <source>N = %1 values</source>
            <translation>N = 값 %1개</translation>
        </message>
        <message>
            <source>n = %1 samples</source>
            <translation>n = 샘플 %1개</translation>
        </message>
        <message>
            <source>sample %1</source>
            <translation>샘플 %1</translation>
        </message>
        <message>
            <source>the step is flat: no gradient flows back through it</source>
            <translation>계단 함수는 평평해서 기울기가 뒤로 전달되지 않음</translation>
        </message>
        <message>
            <source>fused form of sigmoid + binary cross-entropy</source>
            <translation>sigmoid + 이진 교차 엔트로피를 합친 식</translation>
        </message>
        <message>
            <source>fused form of softmax + cross-entropy</source>
            <translation>softmax + 교차 엔트로피를 합친 식</translation>
        </message>
        <message>
            <source>softmax Jacobian product</source>
            <translation>softmax 야코비 행렬 곱</translation>
        </message>
        <message>
            <source>%1 samples</source>
            <translation>샘플 %1개</translation>
        </message>
        <message>
            <source>sample %1 alone</source>
            <translation>샘플 %1만</translation>
        </message>
        <message>
            <source>at the update</source>
            <translation>갱신 단계에서</translation>
        </message>
        <message>
            <source>%1, at the update</source>
            <translation>%1, 갱신 단계에서</translation>
        </message>
        <message>
            <source>%1, lr = %2</source>
            <translation>%1, 학습률 = %2</translation>
        </message>
        <message>
            <source>%1 more terms</source>
            <translation>나머지 항 %1개</translation>
        </message>
        <message>
            <source>see the optimizer's update rule</source>
            <translation>옵티마이저의 갱신 규칙 참고</translation>
        </message>
        <message>
            <source>One training step, worked by hand</source>
            <translation>손으로 풀어 본 학습 스텝 하나</translation>
        </message>
        <message>
            <source>One training step, worked by hand: %1</source>
            <translation>손으로 풀어 본 학습 스텝 하나: %1</translation>
        </message>
        <message>
            <source>Network %1; activations %2; loss %3; bias per layer: %4.</source>
            <translation>신경망 %1, 활성화 함수 %2, 손실 %3, 층별 편향: %4.</translation>
        </message>
        <message>
            <source>on</source>
            <translation>있음</translation>
        </message>
        <message>
            <source>off</source>
            <translation>없음</translation>
        </message>
        <message>
            <source>Optimizer %1: %2.</source>
            <translation>옵티마이저 %1: %2.</translation>
        </message>
        <message>
            <source>weight decay = %1</source>
            <translation>가중치 감쇠 = %1</translation>
        </message>
        <message>
            <source>Batch: 1 sample, dataset row %1.</source>
            <translation>배치: 샘플 1개, 데이터 %1행.</translation>
        </message>
        <message>
            <source>Batch: %1 samples, dataset rows %2.</source>
            <translation>배치: 샘플 %1개, 데이터 %2행.</translation>
        </message>
        <message>
            <source>Batch: %1 samples, dataset rows %2 (the first %3 are written out, the rest the same way).</source>
            <translation>배치: 샘플 %1개, 데이터 %2행 (처음 %3개만 풀어 쓰고 나머지는 같은 방법으로 계산).</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>입력</translation>
        </message>
        <message>
            <source>Input, sample %1</source>
            <translation>입력, 샘플 %1</translation>
        </message>
        <message>
            <source>node (%1, %2)</source>
            <translation>노드 (%1, %2)</translation>
        </message>
        <message>
            <source>node (%1, %2), sample %3</source>
            <translation>노드 (%1, %2), 샘플 %3</translation>
        </message>
        <message>
            <source>output %1</source>
            <translation>출력 %1</translation>
        </message>
        <message>
            <source>output %1, sample %2</source>
            <translation>출력 %1, 샘플 %2</translation>
        </message>
        <message>
            <source>Weights %1 %2 %3: %4 x %5 (too many to print).</source>
            <translation>가중치 %1 %2 %3: %4 x %5 (너무 많아서 생략).</translation>
        </message>
        <message>
            <source>Weights %1 %2 %3 (row i = from node i, column j = to node j):</source>
            <translation>가중치 %1 %2 %3 (행 i = 출발 노드 i, 열 j = 도착 노드 j):</translation>
        </message>
        <message>
            <source>Weights %1 %2 %3 (row i = from node i, column j = to node j) and biases:</source>
            <translation>가중치 %1 %2 %3 (행 i = 출발 노드 i, 열 j = 도착 노드 j)와 편향:</translation>
        </message>
        <message>
            <source>1. Forward pass</source>
            <translation>1. 순전파</translation>
        </message>
        <message>
            <source>2. Loss</source>
            <translation>2. 손실</translation>
        </message>
        <message>
            <source>3. Backward pass: delta = dL/dz of every node</source>
            <translation>3. 역전파: 모든 노드의 delta = dL/dz</translation>
        </message>
        <message>
            <source>4. Gradients</source>
            <translation>4. 기울기</translation>
        </message>
        <message>
            <source>5. Update</source>
            <translation>5. 갱신</translation>
        </message>
        <message>
            <source>After the step</source>
            <translation>스텝을 마친 뒤</translation>
        </message>
        <message>
            <source>Layer 0 (inputs)</source>
            <translation>0층 (입력)</translation>
        </message>
        <message>
            <source>Layer %1 (output, %2)</source>
            <translation>%1층 (출력층, %2)</translation>
        </message>
        <message>
            <source>Layer %1 (hidden, %2)</source>
            <translation>%1층 (은닉층, %2)</translation>
        </message>
        <message>
            <source>(and %1 more nodes, computed the same way)</source>
            <translation>(나머지 노드 %1개도 같은 방법으로 계산)</translation>
        </message>
        <message>
            <source>Weights %1 %2 %3</source>
            <translation>가중치 %1 %2 %3</translation>
        </message>
        <message>
            <source>Rule (%1):</source>
            <translation>규칙 (%1):</translation>
        </message>
        <message>
            <source>(and %1 more weights, the same way)</source>
            <translation>(나머지 가중치 %1개도 같은 방법으로 계산)</translation>
        </message>
        <message>
            <source>bias of node (%1, %2)</source>
            <translation>노드 (%1, %2)의 편향</translation>
        </message>
        <message>
            <source>$TITLE: one training step in $FRAMEWORK, exported from Backprop Playground.</source>
            <translation>$TITLE: $FRAMEWORK로 계산하는 학습 스텝 하나 (Backprop Playground에서 내보냄).</translation>
        </message>
        <message>
            <source>Network $ARCH, loss $LOSS_NAME, optimizer $OPTIMIZER_NAME (lr $LR).</source>
            <translation>신경망 $ARCH, 손실 $LOSS_NAME, 옵티마이저 $OPTIMIZER_NAME (학습률 $LR).</translation>
        </message>
        <message>
            <source>The batch is the document's first training step (dataset rows $ROWS).</source>
            <translation>배치는 문서의 첫 학습 스텝과 같습니다 (데이터 행 $ROWS).</translation>
        </message>
        <message>
            <source>every number, readably</source>
            <translation>모든 숫자를 읽기 쉽게 출력</translation>
        </message>
        <message>
            <source>one JSON object: output, loss, dW, db, weights_after, biases_after</source>
            <translation>JSON 객체 하나로 출력: output, loss, dW, db, weights_after, biases_after</translation>
        </message>
        <message>
            <source>ACTIVATIONS[k]: the activation of layer k+1</source>
            <translation>ACTIVATIONS[k]: k+1층의 활성화 함수</translation>
        </message>
        <message>
            <source>BIAS[k]: does layer k+1 have a bias? (if not, its bias stays 0)</source>
            <translation>BIAS[k]: k+1층에 편향이 있는가? (없으면 편향은 0으로 유지)</translation>
        </message>
        <message>
            <source>WEIGHTS[k][i, j]: the weight from node i of layer k to node j of layer k+1.</source>
            <translation>WEIGHTS[k][i, j]: k층 노드 i에서 k+1층 노드 j로 가는 가중치.</translation>
        </message>
        <message>
            <source>The batch: one row per sample; targets as floats (classes one-hot).</source>
            <translation>배치: 샘플 하나가 한 행, 목표값은 실수 (클래스는 원-핫).</translation>
        </message>
        <message>
            <source>L2, added to the gradient as torch does: g + WEIGHT_DECAY * p</source>
            <translation>L2, torch처럼 기울기에 더함: g + WEIGHT_DECAY * p</translation>
        </message>
        <message>
            <source>L1, added the same way: g + L1 * sign(p)</source>
            <translation>L1, 같은 방법으로 더함: g + L1 * sign(p)</translation>
        </message>
        <message>
            <source>Activations: f(z), and f'(z) given z and a = f(z).</source>
            <translation>활성화 함수: f(z), 그리고 z와 a = f(z)로 구하는 f'(z).</translation>
        </message>
        <message>
            <source>split by sign so exp never overflows</source>
            <translation>부호로 나누어 exp가 넘치지 않게 함</translation>
        </message>
        <message>
            <source>not elementwise: see backprop_through</source>
            <translation>원소별 함수가 아님: backprop_through 참고</translation>
        </message>
        <message>
            <source>dL/dz from dL/da through the activation.</source>
            <translation>활성화 함수를 거쳐 dL/da로부터 dL/dz를 구함.</translation>
        </message>
        <message>
            <source>J^T da with J = diag(a) - a a^T, row by row</source>
            <translation>J = diag(a) - a a^T일 때 J^T da, 행마다 계산</translation>
        </message>
        <message>
            <source>z[l] and a[l] for every layer l = 0..L (layer 0 is the input).</source>
            <translation>모든 층 l = 0..L의 z[l]과 a[l] (0층은 입력).</translation>
        </message>
        <message>
            <source>The mean loss; bce and cross-entropy from the logits z, which stays finite.</source>
            <translation>평균 손실. bce와 교차 엔트로피는 로짓 z로 계산해서 유한한 값을 유지.</translation>
        </message>
        <message>
            <source>dL/dz of the output layer.</source>
            <translation>출력층의 dL/dz.</translation>
        </message>
        <message>
            <source>sigmoid + bce: dL/dy * sigmoid'(z) simplifies to (y - t) / N</source>
            <translation>sigmoid + bce: dL/dy * sigmoid'(z)는 (y - t) / N으로 정리됨</translation>
        </message>
        <message>
            <source>softmax + cross-entropy: (y - t) / n</source>
            <translation>softmax + 교차 엔트로피: (y - t) / n</translation>
        </message>
        <message>
            <source>mse: dL/dy</source>
            <translation>mse: dL/dy</translation>
        </message>
        <message>
            <source>dL/dW[k] and dL/db[k] for every layer, from the output back.</source>
            <translation>모든 층의 dL/dW[k]와 dL/db[k], 출력층부터 거꾸로.</translation>
        </message>
        <message>
            <source>sum over the batch of a * delta</source>
            <translation>배치 전체에 대한 a * delta의 합</translation>
        </message>
        <message>
            <source>dL/da of layer k: sum of w * delta</source>
            <translation>k층의 dL/da: w * delta의 합</translation>
        </message>
        <message>
            <source>SGD (momentum, nesterov): b = mu*b + (1 - dampening)*g (b = g at the first step).</source>
            <translation>SGD (모멘텀, 네스테로프): b = mu*b + (1 - dampening)*g (첫 스텝에서는 b = g).</translation>
        </message>
        <message>
            <source>Adagrad: s += g^2; p -= lr_t * g / (sqrt(s) + eps), lr_t = LR / (1 + (t - 1) * lr_decay).</source>
            <translation>Adagrad: s += g^2; p -= lr_t * g / (sqrt(s) + eps), lr_t = LR / (1 + (t - 1) * lr_decay).</translation>
        </message>
        <message>
            <source>RMSprop: v = alpha*v + (1 - alpha)*g^2; p -= LR * g / (sqrt(v) + eps) (centered, momentum optional).</source>
            <translation>RMSprop: v = alpha*v + (1 - alpha)*g^2; p -= LR * g / (sqrt(v) + eps) (centered와 모멘텀은 선택).</translation>
        </message>
        <message>
            <source>Adam: m = b1*m + (1 - b1)*g, v = b2*v + (1 - b2)*g^2, bias-corrected (amsgrad optional).</source>
            <translation>Adam: m = b1*m + (1 - b1)*g, v = b2*v + (1 - b2)*g^2, 편향 보정 (amsgrad는 선택).</translation>
        </message>
        <message>
            <source>New parameters after update number t (layers without a bias keep theirs).</source>
            <translation>t번째 갱신 뒤의 새 매개변수 (편향이 없는 층은 그대로).</translation>
        </message>
        <message>
            <source>flat wherever it is differentiable: 0 * z keeps the graph, gradient 0</source>
            <translation>미분 가능한 곳에서는 평평함: 0 * z로 그래프를 유지하고 기울기는 0</translation>
        </message>
        <message>
            <source>targets are class probabilities (one-hot)</source>
            <translation>목표값은 클래스 확률 (원-핫)</translation>
        </message>
        <message>
            <source>torch.optim has no L1 option: add L1 * sign(p) to the gradient, as the app does</source>
            <translation>torch.optim에는 L1 옵션이 없으므로 앱처럼 기울기에 L1 * sign(p)를 더함</translation>
        </message>
    </context>
    <context>
        <name>NetworkScene</name>
        <message>
            <source>∂L/∂a = %1</source>
            <extracomment>(text, kind) of one line beside a node; kind: "badge" (what the phase computed for it), "side" (target, loss).</extracomment>
            <translation>∂L/∂a = %1</translation>
        </message>
        <message>
            <source>z = %1</source>
            <translation>z = %1</translation>
        </message>
        <message>
            <source>∂L/∂y = %1</source>
            <translation>∂L/∂y = %1</translation>
        </message>
        <message>
            <source>δ = %1</source>
            <translation>δ = %1</translation>
        </message>
        <message>
            <source>∂L/∂b = %1</source>
            <translation>∂L/∂b = %1</translation>
        </message>
        <message>
            <source>b: %1 → %2</source>
            <translation>b: %1 → %2</translation>
        </message>
        <message>
            <source>target %1</source>
            <translation>목표 %1</translation>
        </message>
        <message>
            <source>loss L = %1</source>
            <translation>손실 L = %1</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>∂L/∂w = %1</source>
            <translation>∂L/∂w = %1</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>입력층</translation>
        </message>
        <message>
            <source>sample #%1 of a batch of %2</source>
            <translation>배치 %2개 중 샘플 #%1</translation>
        </message>
        <message>
            <source>sample #%1</source>
            <translation>샘플 #%1</translation>
        </message>
        <message>
            <source>no sample</source>
            <translation>샘플 없음</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>출력층</translation>
        </message>
        <message>
            <source>Hidden %1</source>
            <translation>은닉층 %1</translation>
        </message>
        <message>
            <source>bias</source>
            <translation>편향</translation>
        </message>
        <message>
            <source>no bias</source>
            <translation>편향 없음</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Layer %1 computed: a in each node, z = Σ w·a + b below it · edges: weights w</source>
            <extracomment>The caption's second line while a step is under way, by phase kind (%1: the layer).</extracomment>
            <translation>%1층 계산 완료: 노드 안은 a, 아래는 z = Σ w·a + b · 연결선: 가중치 w</translation>
        </message>
        <message>
            <source>The loss L and ∂L/∂y beside the output · edges: weights w</source>
            <translation>출력 옆에 손실 L과 ∂L/∂y · 연결선: 가중치 w</translation>
        </message>
        <message>
            <source>δ = ∂L/∂z of layer %1 beside its nodes, with ∂L/∂a · edges: w, or ∂L/∂w once computed</source>
            <translation>%1층 노드 옆에 δ = ∂L/∂z와 ∂L/∂a · 연결선: w, 계산된 곳은 ∂L/∂w</translation>
        </message>
        <message>
            <source>∂L/∂w of the weights into layer %1 on their edges (∂L/∂b beside the nodes)</source>
            <translation>%1층으로 들어가는 가중치의 ∂L/∂w를 연결선에 (노드 옆에는 ∂L/∂b)</translation>
        </message>
        <message>
            <source>Edges: each weight old → new after the update · nodes: a and z of this step</source>
            <translation>연결선: 갱신 전 → 갱신 후 가중치 · 노드: 이번 단계의 a와 z</translation>
        </message>
        <message>
            <source>Phase: %1</source>
            <translation>단계: %1</translation>
        </message>
        <message>
            <source>%1 · loss = %2</source>
            <translation>%1 · 손실 = %2</translation>
        </message>
        <message>
            <source>Nodes: output a (z below) · edges: weight w</source>
            <translation>노드: 출력 a (아래는 z) · 연결선: 가중치 w</translation>
        </message>
        <message>
            <source>Nodes: δ = ∂L/∂z · edges: Δw made by the update (colour: ∂L/∂w)</source>
            <translation>노드: δ = ∂L/∂z · 연결선: 갱신으로 바뀐 Δw (색: ∂L/∂w)</translation>
        </message>
        <message>
            <source>Nodes: δ = ∂L/∂z (∂L/∂a below) · edges: ∂L/∂w</source>
            <translation>노드: δ = ∂L/∂z (아래는 ∂L/∂a) · 연결선: ∂L/∂w</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <source>Network</source>
            <translation>신경망</translation>
        </message>
        <message>
            <source>add a neuron to layer %1</source>
            <translation>%1층에 뉴런 추가</translation>
        </message>
        <message>
            <source>remove neuron %1 of layer %2</source>
            <translation>%2층의 뉴런 %1 제거</translation>
        </message>
        <message>
            <source>insert a hidden layer</source>
            <translation>은닉층 삽입</translation>
        </message>
        <message>
            <source>remove layer %1</source>
            <translation>은닉층 h%1 제거</translation>
        </message>
        <message>
            <source>set layer %1's activation to %2</source>
            <translation>%1층 활성화 함수를 %2(으)로 변경</translation>
        </message>
        <message>
            <source>turn on layer %1's bias</source>
            <translation>%1층 편향 켜기</translation>
        </message>
        <message>
            <source>turn off layer %1's bias</source>
            <translation>%1층 편향 끄기</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>활성화 함수</translation>
        </message>
        <message>
            <source>Bias</source>
            <translation>편향</translation>
        </message>
        <message>
            <source>Add neuron</source>
            <translation>뉴런 추가</translation>
        </message>
        <message>
            <source>Remove neuron</source>
            <translation>뉴런 제거</translation>
        </message>
        <message>
            <source>Insert hidden layer before</source>
            <translation>앞에 은닉층 삽입</translation>
        </message>
        <message>
            <source>Insert hidden layer after</source>
            <translation>뒤에 은닉층 삽입</translation>
        </message>
        <message>
            <source>Remove this layer</source>
            <translation>이 층 제거</translation>
        </message>
        <message>
            <source>Edit bias…</source>
            <translation>편향 편집…</translation>
        </message>
        <message>
            <source>Input and output layers follow the data set</source>
            <translation>입력층과 출력층의 크기는 데이터셋을 따릅니다</translation>
        </message>
        <message>
            <source>Edit weight…</source>
            <translation>가중치 편집…</translation>
        </message>
        <message>
            <source>Add hidden layer</source>
            <translation>은닉층 추가</translation>
        </message>
        <message>
            <source>Fit to window</source>
            <translation>창에 맞추기</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>가중치</translation>
        </message>
        <message>
            <source>bias</source>
            <translation>편향</translation>
        </message>
        <message>
            <source>New %1: Enter to set, Esc to cancel</source>
            <translation>새 %1: Enter로 적용, Esc로 취소</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>발표 모드(&amp;P)</translation>
        </message>
        <message>
            <source>Large text and lines, only the main panels; press again to restore the layout</source>
            <translation>큰 글씨와 굵은 선으로 주요 패널만 표시합니다. 다시 누르면 원래 배치로 돌아갑니다</translation>
        </message>
        <message>
            <source>Larger</source>
            <translation>크게</translation>
        </message>
        <message>
            <source>Presentation scale up by 25 %</source>
            <translation>발표 배율 25 % 키우기</translation>
        </message>
        <message>
            <source>Smaller</source>
            <translation>작게</translation>
        </message>
        <message>
            <source>Presentation scale down by 25 %</source>
            <translation>발표 배율 25 % 줄이기</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>밝게</translation>
        </message>
        <message>
            <source>Dark text on a light background</source>
            <translation>밝은 배경에 어두운 글씨</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>어둡게</translation>
        </message>
        <message>
            <source>Light text on a dark background</source>
            <translation>어두운 배경에 밝은 글씨</translation>
        </message>
        <message>
            <source>Standard (blue/orange)</source>
            <translation>기본 (파랑/주황)</translation>
        </message>
        <message>
            <source>Blue for negative, orange for positive; safe for colour blindness</source>
            <translation>음수는 파랑, 양수는 주황. 색각 이상에도 안전</translation>
        </message>
        <message>
            <source>High contrast (blue/amber)</source>
            <translation>고대비 (파랑/호박색)</translation>
        </message>
        <message>
            <source>Saturated colours and heavy outlines for washed-out projectors</source>
            <translation>흐린 프로젝터를 위한 진한 색과 굵은 윤곽선</translation>
        </message>
        <message>
            <source>Purple/green</source>
            <translation>보라/초록</translation>
        </message>
        <message>
            <source>Purple for negative, green for positive; safe for colour blindness</source>
            <translation>음수는 보라, 양수는 초록. 색각 이상에도 안전</translation>
        </message>
        <message>
            <source>&amp;Scale</source>
            <extracomment>The panels presentation mode keeps; every other dock (training settings, samples, lesson, data set ...) is a secondary panel and is hidden, so panels added later are hidden too. Presentation layout: the right column's share of the window's width, the loss plot's of its height (more for larger text: its controls and axes take more of it).</extracomment>
            <translation>배율(&amp;S)</translation>
        </message>
        <message>
            <source>T&amp;heme</source>
            <translation>테마(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Colours</source>
            <translation>색상(&amp;C)</translation>
        </message>
        <message>
            <source>Presentation scale:</source>
            <translation>발표 배율:</translation>
        </message>
        <message>
            <source>Text and line size in presentation mode (100–250 %)</source>
            <translation>발표 모드의 글자와 선 크기 (100–250 %)</translation>
        </message>
        <message>
            <source>Presentation scale %1 % (used in presentation mode, F5)</source>
            <translation>발표 배율 %1 % (발표 모드 F5에서 적용)</translation>
        </message>
    </context>
    <context>
        <name>RecentFilesMenu</name>
        <message>
            <source>Open &amp;Recent</source>
            <translation>최근 파일(&amp;R)</translation>
        </message>
        <message>
            <source>Clear list</source>
            <translation>목록 지우기</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>최근 파일 없음</translation>
        </message>
    </context>
    <context>
        <name>RunsDock</name>
        <message>
            <source>Compare runs</source>
            <translation>실행 비교</translation>
        </message>
        <message>
            <source>Vary</source>
            <translation>바꿀 설정</translation>
        </message>
        <message>
            <source>Values</source>
            <translation>값</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>e.g. 0.001, 0.01, 0.1, 1</source>
            <translation>예: 0.001, 0.01, 0.1, 1</translation>
        </message>
        <message>
            <source>Target loss</source>
            <translation>목표 손실</translation>
        </message>
        <message>
            <source>x-axis:</source>
            <translation>x축:</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>steps</source>
            <translation>스텝</translation>
        </message>
        <message>
            <source>Log-scale loss</source>
            <translation>손실 로그 눈금</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>Comparison</source>
            <translation>비교</translation>
        </message>
        <message>
            <source>Learning-rate finder</source>
            <translation>학습률 찾기</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>Final loss</source>
            <translation>최종 손실</translation>
        </message>
        <message>
            <source>Best loss</source>
            <translation>최저 손실</translation>
        </message>
        <message>
            <source>Epochs to target</source>
            <translation>목표까지 에포크</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>정확도</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
    </context>
    <context>
        <name>RunsLab</name>
        <message>
            <source>Compare runs…</source>
            <extracomment>Seconds of training per timer tick, and between two refreshes of the plots while training.</extracomment>
            <translation>실행 비교…</translation>
        </message>
        <message>
            <source>Train several runs from the same start that differ in one setting</source>
            <translation>같은 출발점에서 설정 하나만 다른 여러 실행을 학습합니다</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>실행</translation>
        </message>
        <message>
            <source>Train every run; press again to pause</source>
            <translation>모든 실행을 학습합니다. 다시 누르면 일시 정지</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <source>Step epoch</source>
            <translation>에포크 한 번</translation>
        </message>
        <message>
            <source>Train every run one more epoch</source>
            <translation>모든 실행을 에포크 하나 더 학습합니다</translation>
        </message>
        <message>
            <source>Start again</source>
            <translation>다시 시작</translation>
        </message>
        <message>
            <source>Drop these runs and start new ones from the document's network</source>
            <translation>이 실행들을 버리고 문서의 신경망에서 새로 시작합니다</translation>
        </message>
        <message>
            <source>Use this run</source>
            <translation>이 실행 사용</translation>
        </message>
        <message>
            <source>Use the selected run's settings and weights in the document (undoable)</source>
            <translation>선택한 실행의 설정과 가중치를 문서에 씁니다(되돌리기 가능)</translation>
        </message>
        <message>
            <source>Log sweep</source>
            <translation>로그 스윕</translation>
        </message>
        <message>
            <source>Fill in values spaced evenly on a log scale</source>
            <translation>로그 눈금에서 고르게 떨어진 값을 채웁니다</translation>
        </message>
        <message>
            <source>Find learning rate</source>
            <translation>학습률 찾기</translation>
        </message>
        <message>
            <source>Raise the learning rate from 1e-7 to 10 over 100 batches and watch the loss</source>
            <translation>학습률을 100개 배치에 걸쳐 1e-7에서 10까지 올리며 손실을 봅니다</translation>
        </message>
        <message>
            <source>Use this learning rate</source>
            <translation>이 학습률 사용</translation>
        </message>
        <message>
            <source>Set the document's learning rate to the suggestion (undoable)</source>
            <translation>문서의 학습률을 제안값으로 바꿉니다(되돌리기 가능)</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV 내보내기…</translation>
        </message>
        <message>
            <source>Write every run's epoch figures as CSV</source>
            <translation>모든 실행의 에포크별 수치를 CSV로 씁니다</translation>
        </message>
        <message>
            <source>Export PNG…</source>
            <translation>PNG 내보내기…</translation>
        </message>
        <message>
            <source>Save a picture of the comparison</source>
            <translation>비교 화면을 그림으로 저장합니다</translation>
        </message>
        <message>
            <source>use run %1</source>
            <translation>실행 %1 사용</translation>
        </message>
        <message>
            <source>These values cannot be compared: %1</source>
            <translation>이 값들은 비교할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Run the comparison first: there is nothing to export yet.</source>
            <translation>먼저 비교를 실행하세요: 아직 내보낼 것이 없습니다.</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>%1을(를) 쓸 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Wrote %1</source>
            <translation>%1을(를) 썼습니다</translation>
        </message>
        <message>
            <source>Suggested learning rate: %1 (where the smoothed loss falls fastest).</source>
            <translation>제안 학습률: %1 (부드럽게 만든 손실이 가장 빨리 내려가는 곳).</translation>
        </message>
        <message>
            <source>The loss never fell: no learning rate to suggest.</source>
            <translation>손실이 한 번도 내려가지 않아 제안할 학습률이 없습니다.</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>배치 크기</translation>
        </message>
        <message>
            <source>L2 (weight decay)</source>
            <translation>L2 (가중치 감쇠)</translation>
        </message>
        <message>
            <source>L1</source>
            <translation>L1</translation>
        </message>
        <message>
            <source>initialisation</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>initial weight scale</source>
            <translation>초기 가중치 배율</translation>
        </message>
        <message>
            <source>initialisation seed</source>
            <translation>초기화 시드</translation>
        </message>
        <message>
            <source>hidden activation</source>
            <translation>은닉층 활성화 함수</translation>
        </message>
        <message>
            <source>hidden width</source>
            <translation>은닉층 뉴런 수</translation>
        </message>
        <message>
            <source>too early to tell</source>
            <extracomment>What the "log sweep" button fills in, per variable (numbers spaced evenly on a log scale).</extracomment>
            <translation>아직 판단하기 이릅니다</translation>
        </message>
        <message>
            <source>converging: the loss fell %1% in %2 epochs</source>
            <translation>수렴 중: 손실이 %2 에포크 동안 %1% 내려갔습니다</translation>
        </message>
        <message>
            <source>too slow: the loss fell only %1% in %2 epochs</source>
            <translation>너무 느림: 손실이 %2 에포크 동안 %1%밖에 내려가지 않았습니다</translation>
        </message>
        <message>
            <source>oscillating: the loss goes up and down</source>
            <translation>진동: 손실이 오르내립니다</translation>
        </message>
        <message>
            <source>diverged at step %1: the loss became %2</source>
            <translation>%1번째 스텝에서 발산: 손실이 %2가 되었습니다</translation>
        </message>
        <message>
            <source>training</source>
            <translation>학습 중</translation>
        </message>
        <message>
            <source>converging</source>
            <translation>수렴 중</translation>
        </message>
        <message>
            <source>too slow</source>
            <translation>너무 느림</translation>
        </message>
        <message>
            <source>oscillating</source>
            <translation>진동함</translation>
        </message>
        <message>
            <source>diverged at step %1</source>
            <translation>%1번째 스텝에서 발산</translation>
        </message>
        <message>
            <source>Train a few more epochs before judging this run.</source>
            <extracomment>Why, in the words of note 002 (shown as the status cell's tooltip).</extracomment>
            <translation>이 실행을 판단하기 전에 에포크를 조금 더 학습하세요.</translation>
        </message>
        <message>
            <source>Each step moves the weights downhill by a sensible amount: the loss keeps falling.</source>
            <translation>스텝마다 가중치가 알맞은 만큼 내리막으로 움직여 손실이 계속 내려갑니다.</translation>
        </message>
        <message>
            <source>The steps are too small: the weights crawl downhill and the loss hardly moves. A larger learning rate would go faster.</source>
            <translation>스텝이 너무 작습니다: 가중치가 내리막을 기어가듯 움직여 손실이 거의 변하지 않습니다. 학습률을 키우면 더 빨라집니다.</translation>
        </message>
        <message>
            <source>The steps overshoot the bottom of the valley and bounce from side to side. A slightly smaller learning rate would settle.</source>
            <translation>스텝이 골짜기 바닥을 지나쳐 양쪽을 오갑니다. 학습률을 조금 줄이면 자리를 잡습니다.</translation>
        </message>
        <message>
            <source>Each step overshoots further than the last, so the loss explodes. The learning rate is too large: lower it.</source>
            <translation>스텝마다 전보다 더 멀리 지나쳐 손실이 폭발합니다. 학습률이 너무 큽니다: 낮추세요.</translation>
        </message>
    </context>
    <context>
        <name>SampleTableModel</name>
        <message>
            <source>In this step's batch.</source>
            <extracomment>Hidden neurons are shown as columns when the network has at most this many in all. A role giving the raw float of a number cell (tests, sorting, copying at full precision). A role giving True for the cells of a misclassified row. Set by the data editor: edit_cell(row, column, value) -&gt; bool commits an edit of a split, input or target cell (as an undo command); while None the table is read-only.</extracomment>
            <translation>이번 스텝의 배치에 포함됨.</translation>
        </message>
        <message>
            <source>Misclassified: the network's output gives the wrong class.</source>
            <translation>오분류: 신경망의 출력이 틀린 클래스를 가리킵니다.</translation>
        </message>
        <message>
            <source>train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>val</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>test</source>
            <translation>테스트</translation>
        </message>
    </context>
    <context>
        <name>ShortcutSheet</name>
        <message>
            <source>Keyboard shortcuts</source>
            <extracomment>Families of commands numbered 1…9 in menu order, so a new member gets the next key by itself.</extracomment>
            <translation>단축키</translation>
        </message>
        <message>
            <source>Every command of the playground and its keys. The same list is in the menus and in each button's tooltip.</source>
            <translation>프로그램의 모든 명령과 단축키입니다. 같은 내용이 메뉴와 각 버튼의 도움말에도 있습니다.</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>명령</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>단축키</translation>
        </message>
        <message>
            <source>Copy as text</source>
            <translation>텍스트로 복사</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <source>A dropout rate is the share of hidden units dropped: below 1; nothing was changed.</source>
            <translation>드롭아웃 비율은 끄는 은닉 뉴런의 몫이라 1보다 작아야 합니다. 아무것도 바뀌지 않았습니다.</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>손실 함수</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <source>Batch size (0 = all)</source>
            <translation>배치 크기 (0 = 전체)</translation>
        </message>
        <message>
            <source>LR schedule</source>
            <translation>학습률 스케줄</translation>
        </message>
        <message>
            <source>L2 weight decay</source>
            <translation>L2 가중치 감쇠</translation>
        </message>
        <message>
            <source>L1</source>
            <translation>L1</translation>
        </message>
        <message>
            <source>Shuffle</source>
            <translation>섞기</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>시드</translation>
        </message>
        <message>
            <source>Early stop patience</source>
            <translation>조기 종료 전 기다릴 에포크 수</translation>
        </message>
        <message>
            <source>Dropout (hidden)</source>
            <translation>드롭아웃 (은닉층)</translation>
        </message>
        <message>
            <source>constant</source>
            <translation>일정</translation>
        </message>
        <message>
            <source>step decay</source>
            <translation>계단식 감소</translation>
        </message>
        <message>
            <source>exponential decay</source>
            <translation>지수 감소</translation>
        </message>
        <message>
            <source>inverse-time decay</source>
            <translation>역시간 감소</translation>
        </message>
        <message>
            <source>change loss</source>
            <translation>손실 함수 변경</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <source>optimizer</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>배치 크기</translation>
        </message>
        <message>
            <source>L2 weight decay</source>
            <translation>L2 가중치 감쇠</translation>
        </message>
        <message>
            <source>L1</source>
            <translation>L1</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>시드</translation>
        </message>
        <message>
            <source>shuffling</source>
            <translation>섞기</translation>
        </message>
        <message>
            <source>learning rate schedule</source>
            <translation>학습률 스케줄</translation>
        </message>
        <message>
            <source>early stop patience</source>
            <translation>조기 종료 대기 에포크 수</translation>
        </message>
        <message>
            <source>dropout</source>
            <translation>드롭아웃</translation>
        </message>
        <message>
            <source>set a weight</source>
            <translation>가중치 설정</translation>
        </message>
        <message>
            <source>set a bias</source>
            <translation>편향 설정</translation>
        </message>
        <message>
            <source>change %1</source>
            <extracomment>Settings whose change loses training state (optimizer state, batch order): undo brings it back.</extracomment>
            <translation>%1 변경</translation>
        </message>
        <message>
            <source>train 1 step</source>
            <translation>1스텝 학습</translation>
        </message>
        <message>
            <source>train %1 steps</source>
            <translation>%1스텝 학습</translation>
        </message>
        <message>
            <source>reset the weights</source>
            <translation>가중치 초기화</translation>
        </message>
        <message>
            <source>re-randomise the weights</source>
            <translation>가중치 무작위 재설정</translation>
        </message>
    </context>
    <context>
        <name>plots</name>
        <message>
            <source>Could not write the image %1</source>
            <translation>그림 %1을(를) 저장할 수 없습니다</translation>
        </message>
    </context>
    <context>
        <name>validation</name>
        <message>
            <source>'%1' is outside the allowed range from -%2 to %2; nothing was changed.</source>
            <translation>'%1'은(는) 허용 범위(-%2 ~ %2)를 벗어나서 아무것도 바꾸지 않았습니다.</translation>
        </message>
        <message>
            <source>'%1' is not a number; nothing was changed.</source>
            <translation>'%1'은(는) 숫자가 아니라서 아무것도 바꾸지 않았습니다.</translation>
        </message>
        <message>
            <source>'%1' is not a finite number; nothing was changed.</source>
            <translation>'%1'은(는) 유한한 숫자가 아니라서 아무것도 바꾸지 않았습니다.</translation>
        </message>
        <message>
            <source>'%1' is not a whole number; nothing was changed.</source>
            <translation>'%1'은(는) 정수가 아니라서 아무것도 바꾸지 않았습니다.</translation>
        </message>
        <message>
            <source>'%1' is below the smallest allowed value %2; nothing was changed.</source>
            <translation>'%1'은(는) 허용되는 최솟값 %2보다 작아서 아무것도 바꾸지 않았습니다.</translation>
        </message>
        <message>
            <source>'%1' is above the largest allowed value %2; nothing was changed.</source>
            <translation>'%1'은(는) 허용되는 최댓값 %2보다 커서 아무것도 바꾸지 않았습니다.</translation>
        </message>
    </context>
</TS>
