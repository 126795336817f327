from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from app.assistant.category import CategoryModel, TrainConfig, train
from app.assistant.evaluation import score, stratified_folds
from app.assistant.service import load_or_train_default, load_prior

PAIRS = [
    ("公司拖欠工资三个月不发", "劳动和社会保障"),
    ("单位不给缴纳养老保险和社保", "劳动和社会保障"),
    ("老板欠薪跑路农民工讨薪", "劳动和社会保障"),
    ("小学招生学位不够孩子入学难", "教育文体"),
    ("学校老师违规有偿补课", "教育文体"),
    ("幼儿园收费太高", "教育文体"),
    ("出租车司机拒载绕路", "交通运输"),
    ("公交车发车间隔太长", "交通运输"),
    ("网约车乱收费", "交通运输"),
]


def test_prediction_gives_three_categories_with_probabilities_and_cues() -> None:
    model = train(PAIRS)
    top = model.predict("我们工地老板拖欠工资半年了")
    assert top[0].label == "劳动和社会保障"
    assert len(top) == 3
    assert abs(sum(s.probability for s in model.predict("x", k=3)) - 1.0) < 1e-5
    assert top[0].probability > top[1].probability
    assert any("工资" in c for c in top[0].cues)


def test_saved_model_predicts_the_same_and_is_plain_arrays(tmp_path: Path) -> None:
    model = train(PAIRS, config=TrainConfig(use_words=True))
    path = tmp_path / "model.npz"
    model.save(path)
    # Every member is a plain numeric/str array: np.load refuses object arrays without pickle.
    with zipfile.ZipFile(path) as z:
        assert all(n.endswith(".npy") for n in z.namelist())
    loaded = CategoryModel.load(path)
    text = "孩子上小学没有学位"
    assert loaded.predict(text) == model.predict(text)
    assert loaded.meta["format_version"] == 1
    assert loaded.meta["n_labeled"] == len(PAIRS)


def test_model_file_with_pickled_objects_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.npz"
    np.savez(path, meta=np.array([{"format": "x"}], dtype=object))
    with pytest.raises(ValueError):
        CategoryModel.load(path)


def test_fresh_install_suggests_from_taxonomy_names(prior_model: CategoryModel) -> None:
    assert prior_model.predict_label("小区物业乱收停车费") == "城乡建设"
    assert prior_model.predict_label("医院看病挂号难，医生态度差") == "卫生计生"
    assert prior_model.predict_label("单位拖欠工资不交社保") == "劳动和社会保障"


def test_load_or_train_writes_then_reuses_the_model(tmp_path: Path) -> None:
    path = tmp_path / "m" / "category.npz"
    first = load_or_train_default(path, PAIRS)
    assert path.exists()
    path.write_bytes(b"garbage")  # a corrupted file is replaced, not fatal
    second = load_or_train_default(path, PAIRS)
    assert second.labels == first.labels
    assert CategoryModel.load(path).labels == first.labels


def test_stratified_folds_cover_every_row_once() -> None:
    labels = ["a"] * 7 + ["b"] * 5 + ["c"] * 3
    folds = stratified_folds(labels, 5, seed=1)
    assert sorted(i for f in folds for i in f) == list(range(len(labels)))
    # Stratified: no fold gets two of the three "c" rows, and fold sizes differ by at most one.
    assert all(sum(labels[i] == "c" for i in f) <= 1 for f in folds)
    assert max(map(len, folds)) - min(map(len, folds)) <= 1


def test_macro_f1_averages_classes() -> None:
    r = score(["a", "a", "b", "b"], ["a", "a", "a", "b"])
    assert r.accuracy == 0.75
    f1_a, f1_b = 2 * (2 / 3) / (2 / 3 + 1), 2 * 0.5 / 1.5
    assert r.macro_f1 == pytest.approx((f1_a + f1_b) / 2)


def test_real_messages_hold_out(labeled: list[tuple[str, str]]) -> None:
    """Trained on 4/5 of the real labeled rows, the model must beat the SVM floor on the rest."""
    folds = stratified_folds([lab for _, lab in labeled], 5, seed=3)
    test = set(folds[0])
    model = train([p for i, p in enumerate(labeled) if i not in test], prior=load_prior(),
                  config=TrainConfig(idf_on_unlabeled=False, c=1.0, min_df=1,
                                     keyword_prior=True))
    r = score([labeled[i][1] for i in folds[0]], [model.predict_label(labeled[i][0])
                                                   for i in folds[0]])
    assert r.macro_f1 > 0.76


def test_model_file_keeps_no_caller_number(tmp_path: Path) -> None:
    texts = [(f"来电人{phone}反映{topic}", label) for phone in ("13812345678", "15937012345")
             for topic, label in (("小区噪音扰民", "环境保护"), ("路灯不亮", "城乡建设"),
                                 ("工资被拖欠", "劳动和社会保障"))] * 2
    model = train(texts, config=TrainConfig(use_words=True, min_df=1))
    model.save(tmp_path / "model.npz")
    with np.load(tmp_path / "model.npz", allow_pickle=False) as data:
        vocabulary = [str(v) for v in data["vocabulary"]]
    assert any(v.startswith("w:") for v in vocabulary)  # words are in it
    assert not [v for v in vocabulary if "13812345678" in v or "15937012345" in v]


def test_streamed_document_frequencies_give_the_same_model_as_the_texts() -> None:
    """Training counts the unlabeled texts' features one text at a time (peak memory): the
    model is the one the texts themselves give, and removed texts are really gone."""
    from app.assistant.category import document_frequencies
    from app.assistant.text import normalize

    unl = ["小区门口的路灯坏了好几天", "公交车到站不停", "学校周边的补课班太多", "工地晚上施工噪音大"]
    config = TrainConfig(min_df=1)
    direct = train(PAIRS, unlabeled=unl, config=config)
    counted = document_frequencies([normalize(u) for u in unl], config)
    streamed = train(PAIRS, unlabeled_df=counted, config=config)
    assert direct.vocabulary == streamed.vocabulary
    assert np.allclose(direct.idf, streamed.idf) and np.allclose(direct.coef, streamed.coef)
    fewer = counted.without([normalize(unl[0])], config)
    assert fewer.n == 3 and "路灯" not in fewer.df and "公交" in fewer.df


def test_balanced_weights_lift_a_small_class() -> None:
    """One class with most of the labels swallows an ambiguous text unless classes are weighed."""
    big = [(f"小区物业管理混乱第{i}栋楼道脏", "城乡建设") for i in range(30)]
    small = [("河道排污水发臭", "环境保护"), ("工厂排放废气污染", "环境保护")]
    plain = train(big + small, config=TrainConfig(min_df=1, c=1.0))
    balanced = train(big + small, config=TrainConfig(min_df=1, c=1.0, balanced=True))
    text = "小区旁边河道排污"
    assert balanced.predict(text)[0].probability != plain.predict(text)[0].probability
    p_env = {s.label: s.probability for s in balanced.predict(text)}["环境保护"]
    p_env_plain = {s.label: s.probability for s in plain.predict(text)}["环境保护"]
    assert p_env > p_env_plain


def test_weak_labels_come_from_an_agency_serving_one_category() -> None:
    from app.assistant.units import UnitRules, weak_labels

    items = [("学校乱收费", "经市教育局核实，该校已退还费用。"),
             ("有人打架", "市公安局已立案调查。"),
             ("没有答复单位", "感谢您的来信。")]
    labels = ["教育文体", "城乡建设", "交通运输"]
    assert weak_labels(items, UnitRules.from_files(), labels) == [("学校乱收费", "教育文体")]


def test_nested_cv_chooses_inside_the_training_folds() -> None:
    from app.assistant.category import document_frequencies
    from app.assistant.evaluation import learning_curve, nested_cv, served_mix

    pairs = PAIRS * 3
    grid = (TrainConfig(min_df=1, c=1.0), TrainConfig(min_df=1, c=1.0, balanced=True))
    unl = document_frequencies([], grid[0])
    r = nested_cv(pairs, unl, grid, prior=None, k_outer=3, k_inner=2)
    assert len(r.chosen) == 3 and set(r.chosen) <= set(grid)
    assert r.report.macro_f1 > 0.5 and r.report == r.plain  # no target: every row counts once
    # With served texts mostly about wages, a wage row counts more than a school or bus row.
    served = [f"{who}拖欠工资{n}个月了" for who in ("公司", "老板", "工地", "单位") for n in range(30)]
    served += [f"{n}路公交车晚点" for n in range(10)]
    mix = served_mix(pairs, unl, grid[0], prior=None, target=served)
    assert mix["劳动和社会保障"] > 1.5 > 1.0 > mix["教育文体"]
    shifted = nested_cv(pairs, unl, grid, prior=None, target=served, k_outer=3, k_inner=2)
    assert len(shifted.chosen) == 3 and shifted.plain == r.plain
    curve = learning_curve(pairs, unl, grid[0], [9, 18], prior=None, k=3)
    assert [n for n, _ in curve] == [9, 18]


def test_served_class_mix_moves_the_priors() -> None:
    """Labels near balanced, but the texts a seat serves are mostly wage complaints: with
    target_prior the model estimates that mix and an unclear text leans to the common class."""
    labels = [*PAIRS, ("工厂不签劳动合同还拖欠工资", "劳动和社会保障"), ("工伤认定没人管", "劳动和社会保障"),
              ("学校食堂饭菜差学生吃不饱", "教育文体"), ("中学老师体罚学生", "教育文体"),
              ("公交站台被占用公交车不停", "交通运输"), ("出租车不打表乱收费", "交通运输")]
    served = [f"{who}拖欠{what}{n}个月了" for who in ("公司", "老板", "工地", "单位")
              for what in ("工资", "社保") for n in range(2, 14)]
    served += [f"{n}路公交车晚点" for n in range(10)] + [f"学校收费{n}元" for n in range(10)]
    plain = train(labels, unlabeled=served, config=TrainConfig(min_df=1))
    shifted = train(labels, unlabeled=served, config=TrainConfig(min_df=1, target_prior=True))
    mix = shifted.meta["target_prior"]
    assert max(mix, key=mix.get) == "劳动和社会保障" and mix["劳动和社会保障"] > 0.6
    assert plain.meta["target_prior"] == {}
    # Too few served texts to estimate a mix: the priors stay as trained.
    few = train(labels, unlabeled=served[:20], config=TrainConfig(min_df=1, target_prior=True))
    assert few.meta["target_prior"] == {}

    def p_labour(model: CategoryModel) -> float:
        return {s.label: s.probability for s in model.predict("反映一个问题")}["劳动和社会保障"]

    assert p_labour(shifted) > p_labour(plain) + 0.1


def test_weighted_score_counts_a_row_by_its_class_weight() -> None:
    truth, pred = ["a", "a", "b", "b"], ["a", "b", "b", "b"]
    plain = score(truth, pred)
    heavy_a = score(truth, pred, [3.0, 3.0, 1.0, 1.0])
    assert plain.accuracy == 0.75 and heavy_a.accuracy == pytest.approx(5 / 8)
    assert [c.support for c in heavy_a.per_class] == [2, 2]
    # b's precision: 2 true b among 3 + 1 = 4 weighted predictions of b.
    assert heavy_a.per_class[1].precision == pytest.approx(2 / 5)
